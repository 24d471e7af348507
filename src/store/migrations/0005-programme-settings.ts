// A programme's own thresholds for the feedback rules (cut-off, perception gap, …), over the defaults.

import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations describe a schema that the typed Schema does not yet have.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("programme_feedback_settings")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("programme_id", "text", (c) => c.notNull())
    .addColumn("overrides", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("programme_feedback_settings_pk", ["organization_id", "programme_id"])
    .addForeignKeyConstraint(
      "programme_feedback_settings_programme_fk",
      ["organization_id", "programme_id"],
      "programmes",
      ["organization_id", "id"],
    )
    .execute();
}
