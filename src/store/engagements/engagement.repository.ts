// Engagements (a coach and a coachee within a programme), their sessions and session notes.

import type { Kysely } from "kysely";
import type { EngagementParties } from "../../core/contracts/visibility.ts";
import type { SessionMode, SessionState, SessionStatus } from "../../core/sessions/session-lifecycle.ts";
import type {
  EngagementId,
  IsoInstant,
  Minutes,
  NoteId,
  OrganizationId,
  PersonId,
  ProgrammeId,
  SessionId,
} from "../../core/shared/brand.ts";
import type { Schema } from "../schema.ts";

export type EngagementStatus = "active" | "closed";
export type NoteVisibility = "coach_private" | "shared";

export interface PersonRef {
  readonly id: PersonId;
  readonly displayName: string;
}

export interface EngagementRecord {
  readonly organizationId: OrganizationId;
  readonly id: EngagementId;
  readonly programmeId: ProgrammeId;
  readonly programmeName: string;
  readonly status: EngagementStatus;
  readonly coach: PersonRef;
  readonly coachee: PersonRef;
  readonly sponsor: PersonRef | null;
  /** Sessions the engagement plans; the session with this number is the last. Null: not planned. */
  readonly plannedSessions: number | null;
  /** The coachee turned the wellbeing screen on (opt-in). */
  readonly wellbeingScreen: boolean;
}

export interface NewEngagement {
  readonly organizationId: OrganizationId;
  readonly id: EngagementId;
  readonly programmeId: ProgrammeId;
  readonly coachId: PersonId;
  readonly coacheeId: PersonId;
  readonly sponsorId: PersonId | null;
  readonly plannedSessions?: number | null;
}

export interface SessionRecord extends SessionState {
  readonly organizationId: OrganizationId;
  readonly id: SessionId;
  readonly engagementId: EngagementId;
  /** Counts the writes to this session; an update names the version it started from. */
  readonly version: number;
}

/** A session with the parties of its engagement, which the visibility policy needs. */
export interface SessionInContext extends SessionRecord {
  readonly parties: EngagementParties;
}

export interface NoteRecord {
  readonly organizationId: OrganizationId;
  readonly id: NoteId;
  readonly sessionId: SessionId;
  readonly author: PersonRef;
  readonly visibility: NoteVisibility;
  readonly body: string;
  readonly createdAt: IsoInstant;
}

export type StatusCounts<S extends string> = Record<S, number>;

/** Which engagements to list: those a person is party to, or all of a programme (for admins). */
export type EngagementFilter = {
  readonly programmeId?: ProgrammeId;
  readonly partyId?: PersonId;
  /** Only these engagements. */
  readonly ids?: readonly EngagementId[];
};

export function partiesOf(engagement: EngagementRecord): EngagementParties {
  return {
    coachId: engagement.coach.id,
    coacheeId: engagement.coachee.id,
    sponsorId: engagement.sponsor?.id ?? null,
  };
}

const SESSION_COLUMNS = [
  "s.organization_id as organizationId",
  "s.id as id",
  "s.engagement_id as engagementId",
  "s.status as status",
  "s.starts_at as startsAt",
  "s.duration_minutes as durationMinutes",
  "s.mode as mode",
  "s.held_at as heldAt",
  "s.cancelled_at as cancelledAt",
  "s.cancel_reason as cancelReason",
  "s.version as version",
] as const;

export class EngagementRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async insertEngagement(engagement: NewEngagement, at: IsoInstant): Promise<void> {
    await this.#db
      .insertInto("engagements")
      .values({
        organization_id: engagement.organizationId,
        id: engagement.id,
        programme_id: engagement.programmeId,
        coach_id: engagement.coachId,
        coachee_id: engagement.coacheeId,
        sponsor_id: engagement.sponsorId,
        status: "active",
        planned_sessions: engagement.plannedSessions ?? null,
        wellbeing_screen: 0,
        created_at: at,
      })
      .execute();
  }

  /**
   * Inside a transaction, takes the write lock on an engagement's row until it ends (a no-op update):
   * changes that number its sessions (marking one held) do not interleave.
   */
  async lockEngagement(orgId: OrganizationId, id: EngagementId): Promise<void> {
    await this.#db
      .updateTable("engagements")
      .set((eb) => ({ status: eb.ref("status") }))
      .where("organization_id", "=", orgId)
      .where("id", "=", id)
      .execute();
  }

  /** Sets how many sessions the engagement plans (null: not planned). */
  /** Closes an active engagement; false when it was not active. */
  async closeEngagement(orgId: OrganizationId, id: EngagementId): Promise<boolean> {
    const result = await this.#db
      .updateTable("engagements")
      .set({ status: "closed" })
      .where("organization_id", "=", orgId)
      .where("id", "=", id)
      .where("status", "=", "active")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Cancels the engagement's scheduled sessions with `reason`; returns how many. */
  async cancelScheduledSessions(
    orgId: OrganizationId,
    engagementId: EngagementId,
    reason: string,
    at: IsoInstant,
  ): Promise<number> {
    const result = await this.#db
      .updateTable("coaching_sessions")
      .set((eb) => ({
        status: "cancelled",
        cancelled_at: at,
        cancel_reason: reason,
        version: eb("version", "+", 1),
        updated_at: at,
      }))
      .where("organization_id", "=", orgId)
      .where("engagement_id", "=", engagementId)
      .where("status", "=", "scheduled")
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async setPlannedSessions(orgId: OrganizationId, id: EngagementId, planned: number | null): Promise<void> {
    await this.#db
      .updateTable("engagements")
      .set({ planned_sessions: planned })
      .where("organization_id", "=", orgId)
      .where("id", "=", id)
      .execute();
  }

  /** Turns the coachee's wellbeing screen on or off. */
  async setWellbeingScreen(orgId: OrganizationId, id: EngagementId, on: boolean): Promise<void> {
    await this.#db
      .updateTable("engagements")
      .set({ wellbeing_screen: on ? 1 : 0 })
      .where("organization_id", "=", orgId)
      .where("id", "=", id)
      .execute();
  }

  async findEngagement(orgId: OrganizationId, id: EngagementId): Promise<EngagementRecord | undefined> {
    const [engagement] = await this.#selectEngagements(orgId, {}, id);
    return engagement;
  }

  async listEngagements(orgId: OrganizationId, filter: EngagementFilter): Promise<EngagementRecord[]> {
    return await this.#selectEngagements(orgId, filter);
  }

  async #selectEngagements(
    orgId: OrganizationId,
    filter: EngagementFilter,
    id?: EngagementId,
  ): Promise<EngagementRecord[]> {
    let query = this.#db
      .selectFrom("engagements as e")
      .innerJoin("programmes as p", (join) =>
        join.onRef("p.organization_id", "=", "e.organization_id").onRef("p.id", "=", "e.programme_id"),
      )
      .innerJoin("people as coach", (join) =>
        join.onRef("coach.organization_id", "=", "e.organization_id").onRef("coach.id", "=", "e.coach_id"),
      )
      .innerJoin("people as coachee", (join) =>
        join
          .onRef("coachee.organization_id", "=", "e.organization_id")
          .onRef("coachee.id", "=", "e.coachee_id"),
      )
      .leftJoin("people as sponsor", (join) =>
        join
          .onRef("sponsor.organization_id", "=", "e.organization_id")
          .onRef("sponsor.id", "=", "e.sponsor_id"),
      )
      .select([
        "e.organization_id as organizationId",
        "e.id as id",
        "e.programme_id as programmeId",
        "p.name as programmeName",
        "e.status as status",
        "e.planned_sessions as plannedSessions",
        "e.wellbeing_screen as wellbeingScreen",
        "coach.id as coachId",
        "coach.display_name as coachName",
        "coachee.id as coacheeId",
        "coachee.display_name as coacheeName",
        "sponsor.id as sponsorId",
        "sponsor.display_name as sponsorName",
      ])
      .where("e.organization_id", "=", orgId);
    if (id !== undefined) query = query.where("e.id", "=", id);
    if (filter.programmeId !== undefined) query = query.where("e.programme_id", "=", filter.programmeId);
    if (filter.ids !== undefined) {
      if (filter.ids.length === 0) return [];
      query = query.where("e.id", "in", filter.ids);
    }
    const partyId = filter.partyId;
    if (partyId !== undefined) {
      query = query.where((eb) =>
        eb.or([
          eb("e.coach_id", "=", partyId),
          eb("e.coachee_id", "=", partyId),
          eb("e.sponsor_id", "=", partyId),
        ]),
      );
    }
    const rows = await query.orderBy("e.created_at").orderBy("e.id").execute();
    return rows.map((row) => ({
      organizationId: row.organizationId as OrganizationId,
      id: row.id as EngagementId,
      programmeId: row.programmeId as ProgrammeId,
      programmeName: row.programmeName,
      status: row.status as EngagementStatus,
      coach: { id: row.coachId as PersonId, displayName: row.coachName },
      coachee: { id: row.coacheeId as PersonId, displayName: row.coacheeName },
      sponsor:
        row.sponsorId !== null && row.sponsorName !== null
          ? { id: row.sponsorId as PersonId, displayName: row.sponsorName }
          : null,
      plannedSessions: row.plannedSessions === null ? null : Number(row.plannedSessions),
      wellbeingScreen: Number(row.wellbeingScreen) === 1,
    }));
  }

  async countEngagementsByStatus(
    orgId: OrganizationId,
    programmeId?: ProgrammeId,
  ): Promise<StatusCounts<EngagementStatus>> {
    let query = this.#db
      .selectFrom("engagements")
      .select((eb) => ["status", eb.fn.countAll().as("n")])
      .where("organization_id", "=", orgId)
      .groupBy("status");
    if (programmeId !== undefined) query = query.where("programme_id", "=", programmeId);
    const counts: StatusCounts<EngagementStatus> = { active: 0, closed: 0 };
    for (const row of await query.execute()) counts[row.status as EngagementStatus] = Number(row.n);
    return counts;
  }

  async insertSession(session: SessionRecord, at: IsoInstant): Promise<void> {
    await this.#db
      .insertInto("coaching_sessions")
      .values({
        organization_id: session.organizationId,
        id: session.id,
        engagement_id: session.engagementId,
        ...sessionState(session),
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }

  /** A session with its engagement's parties, or undefined when it is not in this organization. */
  async findSessionInContext(orgId: OrganizationId, id: SessionId): Promise<SessionInContext | undefined> {
    const row = await this.#db
      .selectFrom("coaching_sessions as s")
      .innerJoin("engagements as e", (join) =>
        join.onRef("e.organization_id", "=", "s.organization_id").onRef("e.id", "=", "s.engagement_id"),
      )
      .select([
        ...SESSION_COLUMNS,
        "e.coach_id as coachId",
        "e.coachee_id as coacheeId",
        "e.sponsor_id as sponsorId",
      ])
      .where("s.organization_id", "=", orgId)
      .where("s.id", "=", id)
      .executeTakeFirst();
    if (!row) return undefined;
    const { coachId, coacheeId, sponsorId, ...session } = row;
    return {
      ...toSession(session),
      parties: {
        coachId: coachId as PersonId,
        coacheeId: coacheeId as PersonId,
        sponsorId: sponsorId as PersonId | null,
      },
    };
  }

  async listSessionsOfEngagement(
    orgId: OrganizationId,
    engagementId: EngagementId,
  ): Promise<SessionRecord[]> {
    return await this.listSessionsOfEngagements(orgId, [engagementId]);
  }

  /** The sessions of several engagements at once, each engagement's in the order they start. */
  async listSessionsOfEngagements(
    orgId: OrganizationId,
    engagementIds: readonly EngagementId[],
  ): Promise<SessionRecord[]> {
    if (engagementIds.length === 0) return [];
    const rows = await this.#db
      .selectFrom("coaching_sessions as s")
      .select([...SESSION_COLUMNS])
      .where("s.organization_id", "=", orgId)
      .where("s.engagement_id", "in", engagementIds)
      .orderBy("s.starts_at")
      .orderBy("s.id")
      .execute();
    return rows.map(toSession);
  }

  /**
   * Writes a session's new state, but only if it is still at the version it was read at
   * (`session.version`): of two requests racing to change the same session, one wins and the other
   * changes nothing. Returns whether the write happened.
   */
  async updateSession(session: SessionRecord, at: IsoInstant): Promise<boolean> {
    const result = await this.#db
      .updateTable("coaching_sessions")
      .set({
        ...sessionState(session),
        version: session.version + 1,
        updated_at: at,
      })
      .where("organization_id", "=", session.organizationId)
      .where("id", "=", session.id)
      .where("version", "=", session.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Session counts by status for each engagement given, and each one's next scheduled session from `now`. */
  async summarizeSessions(
    orgId: OrganizationId,
    engagementIds: readonly EngagementId[],
    now: IsoInstant,
  ): Promise<
    Map<
      EngagementId,
      { counts: StatusCounts<SessionStatus>; next: { id: SessionId; startsAt: IsoInstant } | null }
    >
  > {
    const summary = new Map<
      EngagementId,
      { counts: StatusCounts<SessionStatus>; next: { id: SessionId; startsAt: IsoInstant } | null }
    >();
    for (const id of engagementIds)
      summary.set(id, { counts: { scheduled: 0, held: 0, cancelled: 0 }, next: null });
    if (engagementIds.length === 0) return summary;
    const counts = await this.#db
      .selectFrom("coaching_sessions")
      .select((eb) => ["engagement_id", "status", eb.fn.countAll().as("n")])
      .where("organization_id", "=", orgId)
      .where("engagement_id", "in", engagementIds)
      .groupBy(["engagement_id", "status"])
      .execute();
    for (const row of counts) {
      const entry = summary.get(row.engagement_id as EngagementId);
      if (entry) entry.counts[row.status as SessionStatus] = Number(row.n);
    }
    const upcoming = await this.#db
      .selectFrom("coaching_sessions")
      .select(["engagement_id", "id", "starts_at"])
      .where("organization_id", "=", orgId)
      .where("engagement_id", "in", engagementIds)
      .where("status", "=", "scheduled")
      .where("starts_at", ">=", now)
      .orderBy("starts_at")
      .orderBy("id")
      .execute();
    for (const row of upcoming) {
      const entry = summary.get(row.engagement_id as EngagementId);
      if (entry && entry.next === null)
        entry.next = { id: row.id as SessionId, startsAt: row.starts_at as IsoInstant };
    }
    return summary;
  }

  async countSessionsByStatus(
    orgId: OrganizationId,
    programmeId?: ProgrammeId,
  ): Promise<StatusCounts<SessionStatus>> {
    let query = this.#db
      .selectFrom("coaching_sessions as s")
      .innerJoin("engagements as e", (join) =>
        join.onRef("e.organization_id", "=", "s.organization_id").onRef("e.id", "=", "s.engagement_id"),
      )
      .select((eb) => ["s.status as status", eb.fn.countAll().as("n")])
      .where("s.organization_id", "=", orgId)
      .groupBy("s.status");
    if (programmeId !== undefined) query = query.where("e.programme_id", "=", programmeId);
    const counts: StatusCounts<SessionStatus> = { scheduled: 0, held: 0, cancelled: 0 };
    for (const row of await query.execute()) counts[row.status as SessionStatus] = Number(row.n);
    return counts;
  }

  async insertNote(
    note: Omit<NoteRecord, "author" | "createdAt"> & { readonly authorId: PersonId },
    at: IsoInstant,
  ): Promise<void> {
    await this.#db
      .insertInto("session_notes")
      .values({
        organization_id: note.organizationId,
        id: note.id,
        session_id: note.sessionId,
        author_id: note.authorId,
        visibility: note.visibility,
        body: note.body,
        created_at: at,
      })
      .execute();
  }

  async listNotesOfSession(orgId: OrganizationId, sessionId: SessionId): Promise<NoteRecord[]> {
    const rows = await this.#db
      .selectFrom("session_notes as n")
      .innerJoin("people as a", (join) =>
        join.onRef("a.organization_id", "=", "n.organization_id").onRef("a.id", "=", "n.author_id"),
      )
      .select([
        "n.organization_id as organizationId",
        "n.id as id",
        "n.session_id as sessionId",
        "n.author_id as authorId",
        "a.display_name as authorName",
        "n.visibility as visibility",
        "n.body as body",
        "n.created_at as createdAt",
      ])
      .where("n.organization_id", "=", orgId)
      .where("n.session_id", "=", sessionId)
      .orderBy("n.created_at")
      .orderBy("n.id")
      .execute();
    return rows.map((row) => ({
      organizationId: row.organizationId as OrganizationId,
      id: row.id as NoteId,
      sessionId: row.sessionId as SessionId,
      author: { id: row.authorId as PersonId, displayName: row.authorName },
      visibility: row.visibility as NoteVisibility,
      body: row.body,
      createdAt: row.createdAt as IsoInstant,
    }));
  }
}

/** The columns that hold a session's state, which scheduling writes and every change rewrites. */
function sessionState(session: SessionState) {
  return {
    status: session.status,
    starts_at: session.startsAt,
    duration_minutes: session.durationMinutes,
    mode: session.mode,
    held_at: session.heldAt,
    cancelled_at: session.cancelledAt,
    cancel_reason: session.cancelReason,
  };
}

function toSession(row: {
  organizationId: string;
  id: string;
  engagementId: string;
  status: string;
  startsAt: string;
  durationMinutes: number;
  mode: string;
  heldAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  version: number;
}): SessionRecord {
  return {
    organizationId: row.organizationId as OrganizationId,
    id: row.id as SessionId,
    engagementId: row.engagementId as EngagementId,
    status: row.status as SessionStatus,
    startsAt: row.startsAt as IsoInstant,
    durationMinutes: Number(row.durationMinutes) as Minutes,
    mode: row.mode as SessionMode,
    heldAt: row.heldAt as IsoInstant | null,
    cancelledAt: row.cancelledAt as IsoInstant | null,
    cancelReason: row.cancelReason,
    version: Number(row.version),
  };
}
