import { describe, expect, it } from "vitest";
import type { PersonId } from "../shared/brand.ts";
import { ROLES, type Role } from "../shared/roles.ts";
import {
  decide,
  describeVisibility,
  RECORD_TYPES,
  type RecordType,
  type Subject,
  type Viewer,
} from "./visibility.ts";

const COACH = "p-coach" as PersonId;
const COACHEE = "p-coachee" as PersonId;
const SPONSOR = "p-sponsor" as PersonId;
const OTHER = "p-other" as PersonId;

/** The viewer's relation to the record under test. */
type Case = "coach" | "coachee" | "sponsor" | "self" | "author" | "none";
const CASES: readonly Case[] = ["coach", "coachee", "sponsor", "self", "author", "none"];

function subjectFor(type: RecordType, relation: Case): { viewerId: PersonId; subject: Subject } {
  const engagement = { coachId: COACH, coacheeId: COACHEE, sponsorId: SPONSOR };
  const viewerId =
    relation === "coach"
      ? COACH
      : relation === "coachee"
        ? COACHEE
        : relation === "sponsor"
          ? SPONSOR
          : OTHER;
  switch (relation) {
    case "self":
      return { viewerId, subject: { type, personId: OTHER } };
    case "author":
      // An author who is not otherwise a party, to test the author grant on its own.
      return { viewerId, subject: { type, engagement, authorId: OTHER } };
    default:
      return { viewerId, subject: { type, engagement, authorId: COACH } };
  }
}

/**
 * The expected policy, written out by hand: for each record type, the relations and roles that may
 * read (r) and change (c). A cell lists the letters allowed; "" is nothing.
 */
const EXPECTED: Record<
  RecordType,
  { relations: Partial<Record<Case, string>>; roles: Partial<Record<Role, string>> }
> = {
  engagement: { relations: { coach: "r", coachee: "r" }, roles: { admin: "rc" } },
  session: { relations: { coach: "rc", coachee: "r" }, roles: {} },
  alliance_rating: { relations: { coach: "r", coachee: "rc" }, roles: {} },
  alliance_alert: { relations: { coach: "rc" }, roles: {} },
  coach_reflection: { relations: { coach: "rc" }, roles: {} },
  wellbeing_screen: { relations: { coachee: "rc" }, roles: {} },
  transcript: { relations: { coach: "rc", coachee: "r" }, roles: {} },
  transcript_consent: { relations: { coach: "r", coachee: "rc" }, roles: {} },
  // The coach viewer is also the author in the default subject.
  shared_note: { relations: { coach: "rc", coachee: "r" }, roles: {} },
  coach_private_note: { relations: { coach: "rc", author: "rc" }, roles: {} },
  person: { relations: { self: "rc" }, roles: { admin: "rc" } },
  membership: { relations: { self: "r" }, roles: { admin: "rc" } },
  invitation: { relations: {}, roles: { admin: "rc" } },
  programme_summary: { relations: {}, roles: { admin: "r", researcher: "r" } },
  programme_settings: { relations: {}, roles: { admin: "rc", coach: "r" } },
  audit_entry: { relations: {}, roles: { admin: "r" } },
  coachee_profile: { relations: { self: "rc" }, roles: { admin: "rc" } },
  coach_profile: { relations: { self: "rc" }, roles: { admin: "rc", coachee: "r" } },
  match_evidence: { relations: {}, roles: { admin: "r", researcher: "r" } },
  rematch: { relations: { coach: "rc", coachee: "rc" }, roles: { admin: "rc" } },
};

describe("visibility policy", () => {
  // Every record type × relation × role (plus no role at all) × action, checked against the table.
  const rows: Array<[RecordType, Case, Role | "none", "read" | "change", boolean]> = [];
  for (const type of RECORD_TYPES) {
    for (const relation of CASES) {
      for (const role of [...ROLES, "none"] as const) {
        for (const action of ["read", "change"] as const) {
          const letter = action === "read" ? "r" : "c";
          const byRelation = EXPECTED[type].relations[relation] ?? "";
          const byRole = role === "none" ? "" : (EXPECTED[type].roles[role] ?? "");
          rows.push([type, relation, role, action, (byRelation + byRole).includes(letter)]);
        }
      }
    }
  }

  it.each(rows)(
    "%s: a viewer related as %s with role %s may %s → %s",
    (type, relation, role, action, allowed) => {
      const { viewerId, subject } = subjectFor(type, relation);
      const viewer: Viewer = { personId: viewerId, roles: role === "none" ? [] : [role] };
      expect(decide(viewer, subject, action).allowed).toBe(allowed);
    },
  );

  it("covers every combination of the table", () => {
    expect(rows).toHaveLength(RECORD_TYPES.length * CASES.length * (ROLES.length + 1) * 2);
  });

  it("never lets a sponsor read personal data: engagements, sessions or notes", () => {
    const viewer: Viewer = { personId: SPONSOR, roles: ["sponsor"] };
    const engagement = { coachId: COACH, coacheeId: COACHEE, sponsorId: SPONSOR };
    for (const type of ["engagement", "session", "shared_note", "coach_private_note"] as const) {
      expect(decide(viewer, { type, engagement, authorId: COACH }, "read").allowed).toBe(false);
    }
  });

  it("keeps a coach's private note from a later coach of the same engagement", () => {
    const laterCoach = "p-new-coach" as PersonId;
    const engagement = { coachId: laterCoach, coacheeId: COACHEE, sponsorId: null };
    const viewer: Viewer = { personId: laterCoach, roles: ["coach"] };
    expect(decide(viewer, { type: "coach_private_note", engagement, authorId: COACH }, "read").allowed).toBe(
      false,
    );
  });

  it("explains a refusal", () => {
    const decision = decide({ personId: OTHER, roles: [] }, { type: "audit_entry" }, "read");
    expect(decision).toEqual({ allowed: false, reason: "no grant to read audit_entry" });
  });

  it("describes every record type for the who-sees-what page, from the same rules", () => {
    const rows = describeVisibility();
    expect(rows.map((row) => row.recordType)).toEqual([...RECORD_TYPES]);
    const privateNote = rows.find((row) => row.recordType === "coach_private_note");
    expect(privateNote?.readers).toEqual(["The coach who wrote it"]);
    const session = rows.find((row) => row.recordType === "session");
    expect(session?.readers).toEqual(["Your coach", "You (the coachee)"]);
  });
});
