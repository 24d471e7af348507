// The first schema: tenants, people and roles, engagements and sessions, notes, accounts, audit log, mail outbox.
//
// Tenant-owned tables lead their primary key with organization_id, and reference each other through
// (organization_id, id) pairs, so the database itself refuses a link across organizations.

import { type Kysely, sql } from "kysely";
import type { Dialect } from "../dialect.ts";

const tenantKey = ["organization_id", "id"] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations describe a schema that the typed Schema does not yet have.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("organizations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("programmes")
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("programmes_pk", [...tenantKey])
    .execute();

  await db.schema
    .createTable("accounts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("people")
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("account_id", "text", (c) => c.references("accounts.id"))
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("people_pk", [...tenantKey])
    .addUniqueConstraint("people_email_unique", ["organization_id", "email"])
    .execute();
  await db.schema.createIndex("people_account_idx").on("people").column("account_id").execute();

  await db.schema
    .createTable("memberships")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("person_id", "text", (c) => c.notNull())
    .addColumn("programme_id", "text")
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("memberships_pk", [...tenantKey])
    .addForeignKeyConstraint("memberships_person_fk", ["organization_id", "person_id"], "people", [
      ...tenantKey,
    ])
    .addForeignKeyConstraint("memberships_programme_fk", ["organization_id", "programme_id"], "programmes", [
      ...tenantKey,
    ])
    .execute();
  // One row per person, programme and role (organization-wide roles have no programme).
  await db.schema
    .createIndex("memberships_unique_idx")
    .on("memberships")
    .columns(["organization_id", "person_id", "programme_id", "role"])
    .unique()
    .execute();

  await db.schema
    .createTable("engagements")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("programme_id", "text", (c) => c.notNull())
    .addColumn("coach_id", "text", (c) => c.notNull())
    .addColumn("coachee_id", "text", (c) => c.notNull())
    .addColumn("sponsor_id", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("engagements_pk", [...tenantKey])
    .addForeignKeyConstraint("engagements_programme_fk", ["organization_id", "programme_id"], "programmes", [
      ...tenantKey,
    ])
    .addForeignKeyConstraint("engagements_coach_fk", ["organization_id", "coach_id"], "people", [
      ...tenantKey,
    ])
    .addForeignKeyConstraint("engagements_coachee_fk", ["organization_id", "coachee_id"], "people", [
      ...tenantKey,
    ])
    .addForeignKeyConstraint("engagements_sponsor_fk", ["organization_id", "sponsor_id"], "people", [
      ...tenantKey,
    ])
    .addCheckConstraint("engagements_status_check", sql`status in ('active', 'closed')`)
    .execute();
  for (const party of ["coach_id", "coachee_id"]) {
    await db.schema
      .createIndex(`engagements_${party}_idx`)
      .on("engagements")
      .columns(["organization_id", party])
      .execute();
  }

  await db.schema
    .createTable("coaching_sessions")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("engagement_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("duration_minutes", "integer", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("held_at", "text")
    .addColumn("cancelled_at", "text")
    .addColumn("cancel_reason", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("coaching_sessions_pk", [...tenantKey])
    .addForeignKeyConstraint(
      "coaching_sessions_engagement_fk",
      ["organization_id", "engagement_id"],
      "engagements",
      [...tenantKey],
    )
    .addCheckConstraint("coaching_sessions_status_check", sql`status in ('scheduled', 'held', 'cancelled')`)
    .addCheckConstraint("coaching_sessions_mode_check", sql`mode in ('in_person', 'video', 'phone')`)
    .execute();
  await db.schema
    .createIndex("coaching_sessions_engagement_idx")
    .on("coaching_sessions")
    .columns(["organization_id", "engagement_id", "starts_at"])
    .execute();

  await db.schema
    .createTable("session_notes")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("session_id", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("session_notes_pk", [...tenantKey])
    .addForeignKeyConstraint(
      "session_notes_session_fk",
      ["organization_id", "session_id"],
      "coaching_sessions",
      [...tenantKey],
    )
    .addForeignKeyConstraint("session_notes_author_fk", ["organization_id", "author_id"], "people", [
      ...tenantKey,
    ])
    .addCheckConstraint("session_notes_visibility_check", sql`visibility in ('coach_private', 'shared')`)
    .execute();
  await db.schema
    .createIndex("session_notes_session_idx")
    .on("session_notes")
    .columns(["organization_id", "session_id"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_person_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("detail", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("audit_log_pk", [...tenantKey])
    .execute();
  await db.schema
    .createIndex("audit_log_at_idx")
    .on("audit_log")
    .columns(["organization_id", "at"])
    .execute();
  await refuseAuditChanges(db, dialect);

  await db.schema
    .createTable("auth_sessions")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("auth_sessions_account_idx").on("auth_sessions").column("account_id").execute();

  await db.schema
    .createTable("password_resets")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  await db.schema
    .createTable("invitations")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("programme_id", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("invited_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("accepted_at", "text")
    .addPrimaryKeyConstraint("invitations_pk", [...tenantKey])
    .addForeignKeyConstraint("invitations_programme_fk", ["organization_id", "programme_id"], "programmes", [
      ...tenantKey,
    ])
    .addForeignKeyConstraint("invitations_inviter_fk", ["organization_id", "invited_by"], "people", [
      ...tenantKey,
    ])
    .execute();

  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

/** The audit log is append-only: the database itself refuses UPDATE and DELETE on it. */
async function refuseAuditChanges(db: AnyDb, dialect: Dialect): Promise<void> {
  if (dialect === "sqlite") {
    for (const op of ["UPDATE", "DELETE"]) {
      await sql
        .raw(
          `CREATE TRIGGER audit_log_no_${op.toLowerCase()} BEFORE ${op} ON audit_log
           BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    )
    .execute(db);
}
