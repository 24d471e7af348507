// Ratings after sessions: single-use links sent to the coachee, and the responses to instruments.

import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations describe a schema that the typed Schema does not yet have.
type AnyDb = Kysely<any>;

const tenantKey = ["organization_id", "id"] as const;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("rating_links")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("session_id", "text", (c) => c.notNull())
    .addColumn("respondent_id", "text", (c) => c.notNull())
    .addColumn("instrument_id", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addPrimaryKeyConstraint("rating_links_pk", [...tenantKey])
    .addForeignKeyConstraint(
      "rating_links_session_fk",
      ["organization_id", "session_id"],
      "coaching_sessions",
      [...tenantKey],
    )
    .addForeignKeyConstraint("rating_links_respondent_fk", ["organization_id", "respondent_id"], "people", [
      ...tenantKey,
    ])
    .execute();
  await db.schema
    .createIndex("rating_links_session_idx")
    .on("rating_links")
    .columns(["organization_id", "session_id"])
    .execute();

  await db.schema
    .createTable("instrument_responses")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("session_id", "text", (c) => c.notNull())
    .addColumn("respondent_id", "text", (c) => c.notNull())
    .addColumn("instrument_id", "text", (c) => c.notNull())
    // A response keeps the version of the instrument it answered.
    .addColumn("instrument_version", "text", (c) => c.notNull())
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("scores", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("instrument_responses_pk", [...tenantKey])
    .addForeignKeyConstraint(
      "instrument_responses_session_fk",
      ["organization_id", "session_id"],
      "coaching_sessions",
      [...tenantKey],
    )
    .addForeignKeyConstraint(
      "instrument_responses_respondent_fk",
      ["organization_id", "respondent_id"],
      "people",
      [...tenantKey],
    )
    // One response per session, respondent and instrument: a double submit stores one.
    .addUniqueConstraint("instrument_responses_once", [
      "organization_id",
      "session_id",
      "respondent_id",
      "instrument_id",
    ])
    .execute();
}
