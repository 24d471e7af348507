// Matching profiles, coachees' choices from their shortlists, and the match behind each engagement.

import type { Kysely } from "kysely";
import type {
  EngagementId,
  IsoInstant,
  OrganizationId,
  PersonId,
  ProgrammeId,
} from "../../core/shared/brand.ts";
import type { Schema } from "../schema.ts";

export type ProfileRole = "coach" | "coachee";

export interface StoredProfile {
  readonly personId: PersonId;
  /** The profile as JSON-ready data (a CoachProfile or CoacheeProfile without its id). */
  readonly profile: unknown;
  readonly updatedAt: IsoInstant;
}

export interface MatchingChoice {
  readonly programmeId: ProgrammeId;
  readonly coacheeId: PersonId;
  readonly coachId: PersonId;
  readonly chosenAt: IsoInstant;
}

export interface MatchRecord {
  readonly organizationId: OrganizationId;
  readonly engagementId: EngagementId;
  readonly score: number;
  readonly components: readonly {
    readonly component: string;
    readonly weight: number;
    readonly value: number;
  }[];
  readonly source: "cohort" | "choice";
  readonly matchedAt: IsoInstant;
}

export class MatchingRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** Stores (or replaces) the person's profile in the given role. */
  async saveProfile(
    orgId: OrganizationId,
    personId: PersonId,
    role: ProfileRole,
    profile: unknown,
    now: IsoInstant,
  ): Promise<void> {
    const values = {
      organization_id: orgId,
      person_id: personId,
      role,
      profile: JSON.stringify(profile),
      updated_at: now,
    };
    await this.#db
      .insertInto("matching_profiles")
      .values(values)
      .onConflict((oc) =>
        oc.columns(["organization_id", "person_id", "role"]).doUpdateSet({
          profile: values.profile,
          updated_at: now,
        }),
      )
      .execute();
  }

  /** The profiles in `role` of the people given (all such profiles when `personIds` is undefined). */
  async listProfiles(
    orgId: OrganizationId,
    role: ProfileRole,
    personIds?: readonly PersonId[],
  ): Promise<StoredProfile[]> {
    if (personIds !== undefined && personIds.length === 0) return [];
    let query = this.#db
      .selectFrom("matching_profiles")
      .select(["person_id", "profile", "updated_at"])
      .where("organization_id", "=", orgId)
      .where("role", "=", role);
    if (personIds !== undefined) query = query.where("person_id", "in", personIds);
    const rows = await query.orderBy("person_id").execute();
    return rows.map((row) => ({
      personId: row.person_id as PersonId,
      profile: JSON.parse(row.profile) as unknown,
      updatedAt: row.updated_at as IsoInstant,
    }));
  }

  /** Records the coachee's choice in a programme (replacing an earlier one), or clears it with `null`. */
  async setChoice(
    orgId: OrganizationId,
    programmeId: ProgrammeId,
    coacheeId: PersonId,
    coachId: PersonId | null,
    now: IsoInstant,
  ): Promise<void> {
    await this.#db
      .deleteFrom("matching_choices")
      .where("organization_id", "=", orgId)
      .where("programme_id", "=", programmeId)
      .where("coachee_id", "=", coacheeId)
      .execute();
    if (coachId === null) return;
    await this.#db
      .insertInto("matching_choices")
      .values({
        organization_id: orgId,
        programme_id: programmeId,
        coachee_id: coacheeId,
        coach_id: coachId,
        chosen_at: now,
      })
      .execute();
  }

  async listChoices(orgId: OrganizationId, programmeId: ProgrammeId): Promise<MatchingChoice[]> {
    const rows = await this.#db
      .selectFrom("matching_choices")
      .selectAll()
      .where("organization_id", "=", orgId)
      .where("programme_id", "=", programmeId)
      .orderBy("coachee_id")
      .execute();
    return rows.map((row) => ({
      programmeId: row.programme_id as ProgrammeId,
      coacheeId: row.coachee_id as PersonId,
      coachId: row.coach_id as PersonId,
      chosenAt: row.chosen_at as IsoInstant,
    }));
  }

  async insertMatch(match: MatchRecord): Promise<void> {
    await this.#db
      .insertInto("matches")
      .values({
        organization_id: match.organizationId,
        engagement_id: match.engagementId,
        score: match.score,
        components: JSON.stringify(match.components),
        source: match.source,
        matched_at: match.matchedAt,
      })
      .execute();
  }

  /** The matches behind the engagements given. */
  async listMatches(orgId: OrganizationId, engagementIds: readonly EngagementId[]): Promise<MatchRecord[]> {
    if (engagementIds.length === 0) return [];
    const rows = await this.#db
      .selectFrom("matches")
      .selectAll()
      .where("organization_id", "=", orgId)
      .where("engagement_id", "in", engagementIds)
      .orderBy("engagement_id")
      .execute();
    return rows.map((row) => ({
      organizationId: row.organization_id as OrganizationId,
      engagementId: row.engagement_id as EngagementId,
      score: Number(row.score),
      components: JSON.parse(row.components) as MatchRecord["components"],
      source: row.source as MatchRecord["source"],
      matchedAt: row.matched_at as IsoInstant,
    }));
  }

  /** The programme's stored matching overrides (parsed JSON), or undefined when it has none. */
  async findSettings(orgId: OrganizationId, programmeId: ProgrammeId): Promise<unknown> {
    const row = await this.#db
      .selectFrom("programme_matching_settings")
      .select("overrides")
      .where("organization_id", "=", orgId)
      .where("programme_id", "=", programmeId)
      .executeTakeFirst();
    return row === undefined ? undefined : (JSON.parse(row.overrides) as unknown);
  }

  async saveSettings(
    orgId: OrganizationId,
    programmeId: ProgrammeId,
    overrides: unknown,
    now: IsoInstant,
  ): Promise<void> {
    const text = JSON.stringify(overrides);
    await this.#db
      .insertInto("programme_matching_settings")
      .values({ organization_id: orgId, programme_id: programmeId, overrides: text, updated_at: now })
      .onConflict((oc) =>
        oc.columns(["organization_id", "programme_id"]).doUpdateSet({ overrides: text, updated_at: now }),
      )
      .execute();
  }
}
