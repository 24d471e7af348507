// Alerts raised by the feedback rules, kept so that the coach can acknowledge and resolve them.

import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations describe a schema that the typed Schema does not yet have.
type AnyDb = Kysely<any>;

const tenantKey = ["organization_id", "id"] as const;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("alerts")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("engagement_id", "text", (c) => c.notNull())
    .addColumn("session_id", "text", (c) => c.notNull())
    .addColumn("alert_key", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("suggested_repair", "text", (c) => c.notNull())
    .addColumn("finding", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("acknowledged_at", "text")
    .addColumn("acknowledged_by", "text")
    .addColumn("resolved_at", "text")
    .addColumn("resolved_by", "text")
    .addColumn("resolution_note", "text")
    .addPrimaryKeyConstraint("alerts_pk", [...tenantKey])
    .addForeignKeyConstraint("alerts_engagement_fk", ["organization_id", "engagement_id"], "engagements", [
      ...tenantKey,
    ])
    // The rules give the same finding the same key: re-evaluating never raises it twice.
    .addUniqueConstraint("alerts_key_unique", ["organization_id", "alert_key"])
    .addCheckConstraint("alerts_status_check", sql`status in ('open', 'acknowledged', 'resolved')`)
    .execute();
  await db.schema
    .createIndex("alerts_engagement_idx")
    .on("alerts")
    .columns(["organization_id", "engagement_id", "status"])
    .execute();
}
