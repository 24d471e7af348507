// Invitations to join a programme with a role; the emailed token is stored only as a hash.

import type { Kysely } from "kysely";
import type {
  InvitationId,
  IsoInstant,
  OrganizationId,
  PersonId,
  ProgrammeId,
} from "../../core/shared/brand.ts";
import type { Role } from "../../core/shared/roles.ts";
import type { Schema } from "../schema.ts";

export interface InvitationRecord {
  readonly organizationId: OrganizationId;
  readonly id: InvitationId;
  readonly tokenHash: string;
  readonly email: string;
  readonly displayName: string;
  readonly programmeId: ProgrammeId;
  readonly role: Role;
  readonly invitedBy: PersonId;
  readonly expiresAt: IsoInstant;
  readonly acceptedAt: IsoInstant | null;
}

export class InvitationRepository {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  async insertInvitation(invitation: InvitationRecord, at: IsoInstant): Promise<void> {
    await this.#db
      .insertInto("invitations")
      .values({
        organization_id: invitation.organizationId,
        id: invitation.id,
        token_hash: invitation.tokenHash,
        email: invitation.email,
        display_name: invitation.displayName,
        programme_id: invitation.programmeId,
        role: invitation.role,
        invited_by: invitation.invitedBy,
        created_at: at,
        expires_at: invitation.expiresAt,
        accepted_at: invitation.acceptedAt,
      })
      .execute();
  }

  /** Looks an invitation up by its token hash, across organizations: the token itself names it. */
  async findInvitationByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined> {
    return (await this.#select().where("token_hash", "=", tokenHash).executeTakeFirst()) ?? undefined;
  }

  async listInvitations(orgId: OrganizationId): Promise<InvitationRecord[]> {
    return await this.#select().where("organization_id", "=", orgId).orderBy("created_at", "desc").execute();
  }

  #select() {
    return this.#db
      .selectFrom("invitations")
      .select([
        "organization_id as organizationId",
        "id",
        "token_hash as tokenHash",
        "email",
        "display_name as displayName",
        "programme_id as programmeId",
        "role",
        "invited_by as invitedBy",
        "expires_at as expiresAt",
        "accepted_at as acceptedAt",
      ])
      .$castTo<InvitationRecord>();
  }

  /** Withdraws an invitation: from `now` on its link no longer works. */
  async expireInvitation(orgId: OrganizationId, id: InvitationId, now: IsoInstant): Promise<void> {
    await this.#db
      .updateTable("invitations")
      .set({ expires_at: now })
      .where("organization_id", "=", orgId)
      .where("id", "=", id)
      .execute();
  }

  /** Marks an open invitation accepted; false when it was already accepted or has expired. */
  async markInvitationAccepted(orgId: OrganizationId, id: InvitationId, now: IsoInstant): Promise<boolean> {
    const result = await this.#db
      .updateTable("invitations")
      .set({ accepted_at: now })
      .where("organization_id", "=", orgId)
      .where("id", "=", id)
      .where("accepted_at", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
