// Session transcripts and the coachee's consent to them: a transcript may be stored only while the
// coachee's consent is recorded on the engagement; withdrawing it deletes the stored text.

import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations describe a schema that the typed Schema does not yet have.
type AnyDb = Kysely<any>;

const tenantKey = ["organization_id", "id"] as const;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("transcript_consents")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("engagement_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("changed_at", "text", (c) => c.notNull())
    .addColumn("changed_by", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("transcript_consents_pk", ["organization_id", "engagement_id"])
    .addForeignKeyConstraint(
      "transcript_consents_engagement_fk",
      ["organization_id", "engagement_id"],
      "engagements",
      [...tenantKey],
    )
    .addCheckConstraint("transcript_consents_status_check", sql`status in ('granted', 'withdrawn')`)
    .execute();

  await db.schema
    .createTable("session_transcripts")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("session_id", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    // JSON: the analysis (utterances with their codes, metrics, circumplex, sequences, flags).
    .addColumn("analysis", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.notNull())
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("session_transcripts_pk", [...tenantKey])
    .addForeignKeyConstraint(
      "session_transcripts_session_fk",
      ["organization_id", "session_id"],
      "coaching_sessions",
      [...tenantKey],
    )
    .addForeignKeyConstraint(
      "session_transcripts_uploader_fk",
      ["organization_id", "uploaded_by"],
      "people",
      [...tenantKey],
    )
    // One transcript per session: a new upload replaces the old one.
    .addUniqueConstraint("session_transcripts_session_unique", ["organization_id", "session_id"])
    .execute();
}
