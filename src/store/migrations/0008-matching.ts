// Matching: coach and coachee profiles (never an age), a coachee's choice from their shortlist, the
// match behind each engagement started from matching (its score and components, for the evidence view),
// and a programme's own weights and time-zone limit.

import type { Kysely } from "kysely";
import { sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations describe a schema that the typed Schema does not yet have.
type AnyDb = Kysely<any>;

const tenantKey = ["organization_id", "id"] as const;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("matching_profiles")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("person_id", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    // JSON: the profile (themes, languages, background facets, style, …); it has no field for age.
    .addColumn("profile", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("matching_profiles_pk", ["organization_id", "person_id", "role"])
    .addForeignKeyConstraint("matching_profiles_person_fk", ["organization_id", "person_id"], "people", [
      ...tenantKey,
    ])
    .addCheckConstraint("matching_profiles_role_check", sql`role in ('coach', 'coachee')`)
    .execute();

  await db.schema
    .createTable("matching_choices")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("programme_id", "text", (c) => c.notNull())
    .addColumn("coachee_id", "text", (c) => c.notNull())
    .addColumn("coach_id", "text", (c) => c.notNull())
    .addColumn("chosen_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("matching_choices_pk", ["organization_id", "programme_id", "coachee_id"])
    .addForeignKeyConstraint("matching_choices_coachee_fk", ["organization_id", "coachee_id"], "people", [
      ...tenantKey,
    ])
    .addForeignKeyConstraint("matching_choices_coach_fk", ["organization_id", "coach_id"], "people", [
      ...tenantKey,
    ])
    .execute();

  await db.schema
    .createTable("matches")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("engagement_id", "text", (c) => c.notNull())
    .addColumn("score", "double precision", (c) => c.notNull())
    // JSON: [{component, weight, value}] of the pair when it was matched.
    .addColumn("components", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("matched_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("matches_pk", ["organization_id", "engagement_id"])
    .addForeignKeyConstraint("matches_engagement_fk", ["organization_id", "engagement_id"], "engagements", [
      ...tenantKey,
    ])
    .addCheckConstraint("matches_source_check", sql`source in ('cohort', 'choice')`)
    .execute();

  await db.schema
    .createTable("programme_matching_settings")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("programme_id", "text", (c) => c.notNull())
    // JSON: {weights?: {component: number}, maxTimeZoneGapHours?: number} over the defaults.
    .addColumn("overrides", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("programme_matching_settings_pk", ["organization_id", "programme_id"])
    .addForeignKeyConstraint(
      "programme_matching_settings_programme_fk",
      ["organization_id", "programme_id"],
      "programmes",
      ["organization_id", "id"],
    )
    .execute();
}
