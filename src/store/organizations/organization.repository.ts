// Organizations (tenants), their programmes, people and memberships.

import type { Kysely } from "kysely";
import type {
  AccountId,
  IsoInstant,
  MembershipId,
  OrganizationId,
  PersonId,
  ProgrammeId,
} from "../../core/shared/brand.ts";
import { isRole, type Role } from "../../core/shared/roles.ts";
import type { Schema } from "../schema.ts";

export interface OrganizationRecord {
  readonly id: OrganizationId;
  readonly name: string;
}

export interface ProgrammeRecord {
  readonly organizationId: OrganizationId;
  readonly id: ProgrammeId;
  readonly name: string;
}

export interface PersonRecord {
  readonly organizationId: OrganizationId;
  readonly id: PersonId;
  readonly accountId: AccountId | null;
  readonly displayName: string;
  readonly email: string;
}

export interface MembershipRecord {
  readonly organizationId: OrganizationId;
  readonly id: MembershipId;
  readonly personId: PersonId;
  readonly programmeId: ProgrammeId | null;
  readonly role: Role;
}

function toRole(value: string): Role {
  if (!isRole(value)) throw new Error(`Unknown role in the database: ${value}`);
  return value;
}

export class OrganizationRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async insertOrganization(org: OrganizationRecord, at: IsoInstant): Promise<void> {
    await this.#db
      .insertInto("organizations")
      .values({ id: org.id, name: org.name, created_at: at })
      .execute();
  }

  async findOrganizationById(id: OrganizationId): Promise<OrganizationRecord | undefined> {
    const row = await this.#db
      .selectFrom("organizations")
      .select(["id", "name"])
      .where("id", "=", id)
      .executeTakeFirst();
    return row && { id: row.id as OrganizationId, name: row.name };
  }

  async countOrganizations(): Promise<number> {
    const row = await this.#db
      .selectFrom("organizations")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertProgramme(programme: ProgrammeRecord, at: IsoInstant): Promise<void> {
    await this.#db
      .insertInto("programmes")
      .values({
        organization_id: programme.organizationId,
        id: programme.id,
        name: programme.name,
        support_resources: "[]",
        created_at: at,
      })
      .execute();
  }

  /**
   * Inside a transaction, takes the write lock on a programme's row until the transaction ends: a
   * no-op update, which locks the row on PostgreSQL and the database on SQLite alike. Changes that
   * must not interleave (two invitations for the same person) take it first.
   */
  async lockProgramme(orgId: OrganizationId, id: ProgrammeId): Promise<void> {
    await this.#db
      .updateTable("programmes")
      .set((eb) => ({ name: eb.ref("name") }))
      .where("organization_id", "=", orgId)
      .where("id", "=", id)
      .execute();
  }

  async listProgrammes(orgId: OrganizationId): Promise<ProgrammeRecord[]> {
    const rows = await this.#db
      .selectFrom("programmes")
      .select(["organization_id", "id", "name"])
      .where("organization_id", "=", orgId)
      .orderBy("name")
      .execute();
    return rows.map((row) => ({
      organizationId: row.organization_id as OrganizationId,
      id: row.id as ProgrammeId,
      name: row.name,
    }));
  }

  async findProgramme(orgId: OrganizationId, id: ProgrammeId): Promise<ProgrammeRecord | undefined> {
    const programmes = await this.listProgrammes(orgId);
    return programmes.find((programme) => programme.id === id);
  }

  /** The support resources a programme's referral page lists, as saved (JSON-parsed; checked by the caller). */
  async findSupportResources(orgId: OrganizationId, programmeId: ProgrammeId): Promise<unknown> {
    const row = await this.#db
      .selectFrom("programmes")
      .select("support_resources")
      .where("organization_id", "=", orgId)
      .where("id", "=", programmeId)
      .executeTakeFirst();
    return row ? (JSON.parse(row.support_resources) as unknown) : [];
  }

  async saveSupportResources(
    orgId: OrganizationId,
    programmeId: ProgrammeId,
    resources: unknown,
  ): Promise<void> {
    await this.#db
      .updateTable("programmes")
      .set({ support_resources: JSON.stringify(resources) })
      .where("organization_id", "=", orgId)
      .where("id", "=", programmeId)
      .execute();
  }

  /** A programme's overrides of the feedback rules' defaults ({} when it has none). */
  async findFeedbackOverrides(
    orgId: OrganizationId,
    programmeId: ProgrammeId,
  ): Promise<Record<string, number>> {
    const row = await this.#db
      .selectFrom("programme_feedback_settings")
      .select("overrides")
      .where("organization_id", "=", orgId)
      .where("programme_id", "=", programmeId)
      .executeTakeFirst();
    return row ? (JSON.parse(row.overrides) as Record<string, number>) : {};
  }

  async saveFeedbackOverrides(
    orgId: OrganizationId,
    programmeId: ProgrammeId,
    overrides: Readonly<Record<string, number>>,
    by: PersonId,
    at: IsoInstant,
  ): Promise<void> {
    const values = {
      organization_id: orgId,
      programme_id: programmeId,
      overrides: JSON.stringify(overrides),
      updated_at: at,
      updated_by: by,
    };
    await this.#db
      .insertInto("programme_feedback_settings")
      .values(values)
      .onConflict((oc) =>
        oc.columns(["organization_id", "programme_id"]).doUpdateSet({
          overrides: values.overrides,
          updated_at: at,
          updated_by: by,
        }),
      )
      .execute();
  }

  async insertPerson(person: PersonRecord, at: IsoInstant): Promise<void> {
    await this.#db
      .insertInto("people")
      .values({
        organization_id: person.organizationId,
        id: person.id,
        account_id: person.accountId,
        display_name: person.displayName,
        email: person.email,
        created_at: at,
      })
      .execute();
  }

  async linkPersonToAccount(orgId: OrganizationId, personId: PersonId, accountId: AccountId): Promise<void> {
    await this.#db
      .updateTable("people")
      .set({ account_id: accountId })
      .where("organization_id", "=", orgId)
      .where("id", "=", personId)
      .execute();
  }

  async findPersonById(orgId: OrganizationId, id: PersonId): Promise<PersonRecord | undefined> {
    return (await this.#selectPeople(orgId).where("id", "=", id).executeTakeFirst()) ?? undefined;
  }

  async findPersonByEmail(orgId: OrganizationId, email: string): Promise<PersonRecord | undefined> {
    return (await this.#selectPeople(orgId).where("email", "=", email).executeTakeFirst()) ?? undefined;
  }

  async findPersonByAccount(orgId: OrganizationId, accountId: AccountId): Promise<PersonRecord | undefined> {
    return (
      (await this.#selectPeople(orgId).where("account_id", "=", accountId).executeTakeFirst()) ?? undefined
    );
  }

  async listPeople(orgId: OrganizationId): Promise<PersonRecord[]> {
    return await this.#selectPeople(orgId).orderBy("display_name").execute();
  }

  #selectPeople(orgId: OrganizationId) {
    return this.#db
      .selectFrom("people")
      .select([
        "organization_id as organizationId",
        "id",
        "account_id as accountId",
        "display_name as displayName",
        "email",
      ])
      .where("organization_id", "=", orgId)
      .$castTo<PersonRecord>();
  }

  async insertMembership(membership: MembershipRecord, at: IsoInstant): Promise<void> {
    await this.#db
      .insertInto("memberships")
      .values({
        organization_id: membership.organizationId,
        id: membership.id,
        person_id: membership.personId,
        programme_id: membership.programmeId,
        role: membership.role,
        created_at: at,
      })
      .execute();
  }

  /** Every membership in the organization, or only those of one person. */
  async listMemberships(orgId: OrganizationId, personId?: PersonId): Promise<MembershipRecord[]> {
    let query = this.#db
      .selectFrom("memberships")
      .select(["organization_id", "id", "person_id", "programme_id", "role"])
      .where("organization_id", "=", orgId);
    if (personId !== undefined) query = query.where("person_id", "=", personId);
    const rows = await query.orderBy("created_at").execute();
    return rows.map((row) => ({
      organizationId: row.organization_id as OrganizationId,
      id: row.id as MembershipId,
      personId: row.person_id as PersonId,
      programmeId: row.programme_id as ProgrammeId | null,
      role: toRole(row.role),
    }));
  }

  /** The organizations an account belongs to, with the person it is in each. */
  async listOrganizationsOfAccount(
    accountId: AccountId,
  ): Promise<Array<{ organization: OrganizationRecord; personId: PersonId }>> {
    const rows = await this.#db
      .selectFrom("people")
      .innerJoin("organizations", "organizations.id", "people.organization_id")
      .select(["organizations.id as orgId", "organizations.name as orgName", "people.id as personId"])
      .where("people.account_id", "=", accountId)
      .orderBy("organizations.name")
      .execute();
    return rows.map((row) => ({
      organization: { id: row.orgId as OrganizationId, name: row.orgName },
      personId: row.personId as PersonId,
    }));
  }
}
