// Periodic check-ins and the wellbeing screen: a rating link asks several instruments, an engagement
// knows its planned length and whether the coachee turned the wellbeing screen on, and a programme lists
// the support resources its referral page shows.

import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations describe a schema that the typed Schema does not yet have.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // JSON array of the instrument ids asked after the first (`instrument_id`, the Alliance Check).
  await db.schema
    .alterTable("rating_links")
    .addColumn("extra_instruments", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  // The session's number among its engagement's held sessions when the link was made: what it asks
  // was decided from it, and the rating page names it.
  await db.schema.alterTable("rating_links").addColumn("session_number", "integer").execute();
  // How many sessions the engagement plans; the session with this number is the last. Null: not planned.
  await db.schema.alterTable("engagements").addColumn("planned_sessions", "integer").execute();
  // 1 while the coachee has the wellbeing screen turned on (opt-in; off by default).
  await db.schema
    .alterTable("engagements")
    .addColumn("wellbeing_screen", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // JSON array of { name, contact, note } shown on the calm referral page after a positive screen.
  await db.schema
    .alterTable("programmes")
    .addColumn("support_resources", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
}
