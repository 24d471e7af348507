// Response and request shapes of the Alliance HTTP API, written from docs/api.md.

/** A role a person holds in an organization or one of its programmes. */
export type Role = "coach" | "coachee" | "sponsor" | "supervisor" | "researcher" | "admin";

export interface Account {
  id: string;
  email: string;
  displayName: string;
}

export interface MeProgramme {
  id: string;
  name: string;
  roles: Role[];
}

export interface MeOrganization {
  id: string;
  name: string;
  roles: Role[];
  programmes: MeProgramme[];
}

/** `GET /api/auth/me`. */
export interface Me {
  account: Account;
  csrfToken: string;
  organizations: MeOrganization[];
}

/** `POST /api/auth/sign-in` and `POST /api/invitations/:token/accept`. */
export interface SignedIn {
  account: Account;
  csrfToken: string;
}

/** `GET /api/auth/password-reset/:token`. */
export interface PasswordResetLink {
  email: string;
}

/** `GET /api/invitations/:token`. */
export interface InvitationPreview {
  organizationName: string;
  programmeName: string;
  role: Role;
  email: string;
  displayName: string;
  accountExists: boolean;
}

export interface Invitation {
  id: string;
  email: string;
  displayName: string;
  programmeId: string;
  role: Role;
  /** docs/api.md does not list the values; the server answers pending, accepted or expired. */
  status: "pending" | "accepted" | "expired";
  expiresAt: string;
}

export interface InvitationInput {
  email: string;
  displayName: string;
  programmeId: string;
  role: Role;
}

export interface Programme {
  id: string;
  name: string;
}

export interface Membership {
  /** null: the role holds across the whole organization. */
  programmeId: string | null;
  role: Role;
}

export interface Person {
  id: string;
  displayName: string;
  email: string;
  memberships: Membership[];
}

/**
 * `GET /api/orgs/:orgId/summary`: aggregates only. A null count covers fewer than five people and is
 * withheld from viewers who may see only totals (researchers); admins get every count.
 */
export interface ProgrammeSummary {
  engagements: { active: number | null; closed: number | null };
  sessions: { scheduled: number | null; held: number | null; cancelled: number | null };
  people: Partial<Record<Role, number | null>>;
}

export interface PrivacyRow {
  recordType: string;
  label: string;
  readers: string[];
  changers: string[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
}

export interface PersonRef {
  id: string;
  displayName: string;
}

export type EngagementStatus = "active" | "closed";
export type ViewerRelation = "coach" | "coachee" | "sponsor" | "none";

export interface SessionCounts {
  scheduled: number;
  held: number;
  cancelled: number;
}

export interface Engagement {
  id: string;
  programmeId: string;
  programmeName: string;
  status: EngagementStatus;
  coach: PersonRef;
  coachee: PersonRef;
  sponsor: PersonRef | null;
  viewerRelation: ViewerRelation;
  nextSession: { id: string; startsAt: string } | null;
  /** null when the viewer may not read the sessions (the server's schema; docs/api.md omits the null). */
  sessionCounts: SessionCounts | null;
}

export interface EngagementInput {
  programmeId: string;
  coachId: string;
  coacheeId: string;
  sponsorId?: string;
}

export type SessionStatus = "scheduled" | "held" | "cancelled";
export type SessionMode = "in_person" | "video" | "phone";

export interface Session {
  id: string;
  engagementId: string;
  status: SessionStatus;
  startsAt: string;
  durationMinutes: number;
  mode: SessionMode;
  cancelReason: string | null;
  heldAt: string | null;
  /** `change`: may edit or cancel (while scheduled); `markHeld`: may mark held (scheduled and started). */
  permissions: { change: boolean; markHeld: boolean };
}

/** `GET /api/orgs/:orgId/engagements/:engagementId`. */
export interface EngagementDetail {
  engagement: Engagement;
  sessions: Session[];
  permissions: { scheduleSessions: boolean };
}

export interface SessionInput {
  startsAt: string;
  durationMinutes: number;
  mode: SessionMode;
}

export type NoteVisibility = "coach_private" | "shared";

export interface Note {
  id: string;
  visibility: NoteVisibility;
  body: string;
  authorName: string;
  createdAt: string;
}

export interface NoteInput {
  visibility: NoteVisibility;
  body: string;
}

/** The error codes of docs/api.md, plus `network` for a request that never reached the server. */
export type ApiErrorCode =
  | "validation_failed"
  | "malformed_json"
  | "unauthenticated"
  | "invalid_credentials"
  | "csrf_failed"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "session_state_conflict"
  | "email_taken"
  | "link_invalid"
  | "payload_too_large"
  | "rate_limited"
  | "internal"
  | "network";

/** The body of every error response. */
export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}
