// The one visibility policy: who may read or change which record, from roles and relation to the engagement.
//
// Every read and write of personal data in the server passes `decide`; the "who sees what" page is
// generated from the same table by `describeVisibility`, so the page cannot drift from the rules.

import type { PersonId } from "../shared/brand.ts";
import type { Role } from "../shared/roles.ts";

/** The kinds of record the policy knows. */
export const RECORD_TYPES = [
  "engagement",
  "session",
  "alliance_rating",
  "alliance_alert",
  "coach_reflection",
  "wellbeing_screen",
  "transcript",
  "transcript_consent",
  "shared_note",
  "coach_private_note",
  "person",
  "membership",
  "invitation",
  "programme_summary",
  "programme_settings",
  "audit_entry",
  "coachee_profile",
  "coach_profile",
  "match_evidence",
  "rematch",
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export type Action = "read" | "change";

/** How a viewer stands to a record: a party of its engagement, its subject, its author, or none of these. */
export type Relation = "coach" | "coachee" | "sponsor" | "self" | "author";

/** Who a grant admits: a relation to the record, or a role in the organization. */
export type Grant = { readonly relation: Relation } | { readonly role: Role };

export interface EngagementParties {
  readonly coachId: PersonId;
  readonly coacheeId: PersonId;
  readonly sponsorId: PersonId | null;
}

/** The person asking, with the roles they hold in the organization the record belongs to. */
export interface Viewer {
  readonly personId: PersonId;
  readonly roles: readonly Role[];
}

/** What the policy needs to know about a record: its type and the people it concerns. */
export interface Subject {
  readonly type: RecordType;
  /** The engagement the record belongs to, for engagements, sessions and notes. */
  readonly engagement?: EngagementParties;
  /** The person the record is about, for people and memberships. */
  readonly personId?: PersonId;
  /** Who wrote it, for notes. */
  readonly authorId?: PersonId;
}

export type Decision =
  | { readonly allowed: true; readonly grant: Grant }
  | { readonly allowed: false; readonly reason: string };

interface Rule {
  readonly label: string;
  readonly read: readonly Grant[];
  readonly change: readonly Grant[];
}

/**
 * The default terms. A coachee's data is visible to the coachee and their coach; coach-private notes
 * only to the coach who wrote them; sponsors see no personal data; admins see membership,
 * engagements and aggregates, never session content.
 */
export const VISIBILITY_RULES: Readonly<Record<RecordType, Rule>> = {
  engagement: {
    label: "That you are in a coaching engagement, and with whom",
    // Sponsors see no personal data by default; what a sponsor may see will come from the contract.
    read: [{ relation: "coach" }, { relation: "coachee" }, { role: "admin" }],
    change: [{ role: "admin" }],
  },
  session: {
    label: "Your sessions: when they are, how long, held or cancelled",
    read: [{ relation: "coach" }, { relation: "coachee" }],
    change: [{ relation: "coach" }],
  },
  alliance_rating: {
    label:
      "How you rated your sessions (the Alliance Check) and the periodic check-ins (coach attributes, five pillars, side effects)",
    read: [{ relation: "coach" }, { relation: "coachee" }],
    change: [{ relation: "coachee" }],
  },
  alliance_alert: {
    label: "Early warnings to your coach when the alliance weakens",
    read: [{ relation: "coach" }],
    change: [{ relation: "coach" }],
  },
  coach_reflection: {
    label: "Your coach's own reflection on each session, their guess of your rating, and their self-view",
    read: [{ relation: "coach" }],
    change: [{ relation: "coach" }],
  },
  wellbeing_screen: {
    // The coach learns only that a screen was positive, through an early warning (alliance_alert).
    label:
      "Your wellbeing check-in answers (if you turn it on); your coach is told only when they suggest support could help, with the two scores",
    read: [{ relation: "coachee" }],
    change: [{ relation: "coachee" }],
  },
  transcript: {
    label: "Session transcripts and their analysis (only while you consent to transcripts)",
    read: [{ relation: "coach" }, { relation: "coachee" }],
    change: [{ relation: "coach" }],
  },
  transcript_consent: {
    label: "Whether you consent to session transcripts (you can withdraw it; that deletes them)",
    read: [{ relation: "coach" }, { relation: "coachee" }],
    change: [{ relation: "coachee" }],
  },
  shared_note: {
    label: "Session notes your coach shares with you",
    read: [{ relation: "coach" }, { relation: "coachee" }],
    change: [{ relation: "author" }],
  },
  coach_private_note: {
    label: "Your coach's private notes",
    read: [{ relation: "author" }],
    change: [{ relation: "author" }],
  },
  person: {
    label: "Your name and email address",
    read: [{ relation: "self" }, { role: "admin" }],
    change: [{ relation: "self" }, { role: "admin" }],
  },
  membership: {
    label: "Your roles in the organization and its programmes",
    read: [{ relation: "self" }, { role: "admin" }],
    change: [{ role: "admin" }],
  },
  invitation: {
    label: "Invitations sent to you",
    read: [{ role: "admin" }],
    change: [{ role: "admin" }],
  },
  programme_summary: {
    label: "Programme totals (counts only, never about one person)",
    read: [{ role: "admin" }, { role: "researcher" }],
    change: [],
  },
  programme_settings: {
    label: "The programme's thresholds for early warnings (no personal data)",
    read: [{ role: "admin" }, { role: "coach" }],
    change: [{ role: "admin" }],
  },
  audit_entry: {
    label: "The audit log of who changed what",
    read: [{ role: "admin" }],
    change: [],
  },
  coachee_profile: {
    label:
      "Your matching profile as a coachee (themes, languages, background, preferred style, a gender preference only if you gave one — never your age) and the coach you chose",
    read: [{ relation: "self" }, { role: "admin" }],
    change: [{ relation: "self" }, { role: "admin" }],
  },
  coach_profile: {
    label:
      "Your matching profile as a coach; coachees see the parts you share with them, as the reasons on their shortlist",
    read: [{ relation: "self" }, { role: "admin" }, { role: "coachee" }],
    change: [{ relation: "self" }, { role: "admin" }],
  },
  rematch: {
    label:
      "Ending an engagement early to find a better-matched coach: you or your coach can, within the first three sessions",
    read: [{ relation: "coach" }, { relation: "coachee" }, { role: "admin" }],
    change: [{ relation: "coach" }, { relation: "coachee" }, { role: "admin" }],
  },
  match_evidence: {
    label:
      "Whether parts of the match score predict the early alliance (correlations over many pairs, never one person)",
    read: [{ role: "admin" }, { role: "researcher" }],
    change: [],
  },
};

/** The relations the viewer holds to the subject, most specific first. */
export function relationsTo(viewer: Viewer, subject: Subject): Relation[] {
  const relations: Relation[] = [];
  const who = viewer.personId;
  if (subject.authorId !== undefined && subject.authorId === who) relations.push("author");
  if (subject.personId !== undefined && subject.personId === who) relations.push("self");
  const parties = subject.engagement;
  if (parties) {
    if (parties.coachId === who) relations.push("coach");
    if (parties.coacheeId === who) relations.push("coachee");
    if (parties.sponsorId !== null && parties.sponsorId === who) relations.push("sponsor");
  }
  return relations;
}

function admits(grant: Grant, viewer: Viewer, relations: readonly Relation[]): boolean {
  return "relation" in grant ? relations.includes(grant.relation) : viewer.roles.includes(grant.role);
}

/**
 * Decides whether `viewer` may `action` the `subject`. Pure: the same inputs always give the same
 * answer. "change" is never allowed without "read": a record you cannot see, you cannot change.
 */
export function decide(viewer: Viewer, subject: Subject, action: Action): Decision {
  const rule = VISIBILITY_RULES[subject.type];
  const relations = relationsTo(viewer, subject);
  const readGrant = rule.read.find((grant) => admits(grant, viewer, relations));
  if (!readGrant) return { allowed: false, reason: `no grant to read ${subject.type}` };
  if (action === "read") return { allowed: true, grant: readGrant };
  const changeGrant = rule.change.find((grant) => admits(grant, viewer, relations));
  if (!changeGrant) return { allowed: false, reason: `no grant to change ${subject.type}` };
  return { allowed: true, grant: changeGrant };
}

/** Shorthand for `decide(...).allowed`. */
export function may(viewer: Viewer, subject: Subject, action: Action): boolean {
  return decide(viewer, subject, action).allowed;
}

const GRANT_LABELS: Record<Relation, string> = {
  coach: "Your coach",
  coachee: "You (the coachee)",
  sponsor: "Your sponsor",
  self: "You",
  author: "The coach who wrote it",
};
const ROLE_GRANT_LABELS: Record<Role, string> = {
  admin: "Programme admins",
  coach: "Coaches",
  coachee: "Coachees",
  sponsor: "Sponsors",
  supervisor: "Supervisors",
  researcher: "Researchers (de-identified totals)",
};

function grantLabel(grant: Grant): string {
  return "relation" in grant ? GRANT_LABELS[grant.relation] : ROLE_GRANT_LABELS[grant.role];
}

export interface VisibilityRow {
  readonly recordType: RecordType;
  readonly label: string;
  readonly readers: string[];
  readonly changers: string[];
}

/** The "who sees what about you" table, generated from the same rules `decide` applies. */
export function describeVisibility(): VisibilityRow[] {
  return RECORD_TYPES.map((recordType) => {
    const rule = VISIBILITY_RULES[recordType];
    return {
      recordType,
      label: rule.label,
      readers: rule.read.map(grantLabel),
      changers: rule.change.map(grantLabel),
    };
  });
}
