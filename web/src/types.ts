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
  /** Sessions planned; the last one asks the five pillars and side effects. null: not planned. */
  plannedSessions: number | null;
  /** Whether the coachee turned the wellbeing check-in on; null for viewers outside the engagement. */
  wellbeingScreen: boolean | null;
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
  /** `rematch`: the viewer may end the engagement to find a better-matched coach (first three sessions). */
  permissions: { scheduleSessions: boolean; rematch: boolean };
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

/** `POST /api/orgs/:orgId/sessions/:sessionId/held`: the coachee's single-use rating link (7 days). */
export interface RatingLink {
  url: string;
  expiresAt: string;
}

/** `POST /api/orgs/:orgId/sessions/:sessionId/held`. */
export interface HeldSession {
  session: Session;
  /** Present when a rating link was issued (the coachee rates the session by it). */
  ratingLink?: RatingLink;
}

/** A text in every language of its instrument, keyed by language tag (`{ en: "Goals" }`). */
export type LocalizedText = Record<string, string>;

/** Show an item only when an earlier item's answer meets the condition (docs/instruments.md). */
export interface EnableWhen {
  item: string;
  operator: "=" | "!=" | ">=" | "<=";
  /** An option code (choice), a whole number (scale) or a boolean (boolean item). */
  answer: string | number | boolean;
}

export interface AnswerOption {
  code: string;
  label: LocalizedText;
  score: number;
}

export type InstrumentItemKind = "scale" | "choice" | "boolean" | "text";

/** One item of an instrument as the rating page gets it. */
export interface InstrumentItem {
  id: string;
  kind: InstrumentItemKind;
  text: LocalizedText;
  required: boolean;
  min?: number;
  max?: number;
  minLabel?: LocalizedText;
  maxLabel?: LocalizedText;
  options?: AnswerOption[];
  maxLength?: number;
  enableWhen?: EnableWhen;
}

/** A questionnaire as data (docs/instruments.md). */
export interface InstrumentDefinition {
  id: string;
  version: string;
  title: LocalizedText;
  description?: LocalizedText;
  items: InstrumentItem[];
}

/** `GET /api/ratings/:token`. */
export interface RatingForm {
  /** The Alliance Check, asked every time. */
  instrument: InstrumentDefinition;
  /** Further check-ins this time (wellbeing screen, side effects, coach attributes, five pillars); optional. */
  more: InstrumentDefinition[];
  session: { startsAt: string; coachName: string; sessionNumber: number };
  expiresAt: string;
}

/** A place to turn to, on the calm referral page after a positive wellbeing screen. */
export interface SupportResource {
  name: string;
  contact: string;
  note: string;
}

export interface Referral {
  resources: SupportResource[];
  /** False while the programme has listed none of its own and general advice is shown. */
  programmeConfigured: boolean;
}

/** One answer: a scale value, a choice's option code, yes/no, or free text. */
export type AnswerValue = number | string | boolean;

/** `POST /api/ratings/:token`: total 0–40 and subscales 0–10; null when too much is missing. */
export interface RatingScores {
  total: number | null;
  goals: number | null;
  approach: number | null;
  bond: number | null;
}

/** `POST /api/ratings/:token`: the scores, and the referral page's resources after a positive screen. */
export interface RatingSubmitted extends RatingScores {
  referral: Referral | null;
}

/** One held session on the alliance trend; the values are null while it is unrated. */
export interface AlliancePoint extends RatingScores {
  sessionId: string;
  sessionNumber: number;
  startsAt: string;
  /** The coach's prediction of the coachee's total (0–40), for the coach only; always null for the coachee. */
  prediction: number | null;
}

/** The coach's Coach mirror answers for one session. */
export interface MirrorResponse {
  answers: Record<string, AnswerValue>;
  /** Answers to the further instruments given with it (the five-pillars self-view), by instrument id. */
  more: Record<string, Record<string, AnswerValue>>;
  /** The coach's prediction of the coachee's Alliance Check total, 0–40. */
  prediction: number | null;
  submittedAt: string;
}

/** `GET /api/orgs/:orgId/sessions/:sessionId/mirror` (the session's coach). */
export interface MirrorForm {
  instrument: InstrumentDefinition;
  /** Asked with the mirror this time: the five-pillars self-view at sessions 3, 6 and the last. */
  more: InstrumentDefinition[];
  /** null until the coach has reflected on the session. */
  response: MirrorResponse | null;
}

/** `POST /api/orgs/:orgId/sessions/:sessionId/mirror`: the coach's own scores and their prediction. */
export interface MirrorScores extends RatingScores {
  prediction: number | null;
}

export type AlertSeverity = "info" | "warning" | "urgent";
export type AlertStatus = "open" | "acknowledged" | "resolved";

/** An alert of the feedback rules, as the coach sees it. */
export interface Alert {
  id: string;
  engagementId: string;
  coacheeName: string;
  /** `weak_alliance`, `rupture`, `goal_task_agreement_falling`, `perception_gap`, … */
  kind: string;
  severity: AlertSeverity;
  reason: string;
  suggestedRepair: string;
  sessionId: string;
  sessionNumber: number;
  status: AlertStatus;
  openedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

/** `GET /api/orgs/:orgId/engagements/:engagementId/alliance`; `alerts` is empty except for the coach. */
export interface AllianceTrend {
  /** The weak-alliance cut-off on the 0–40 total. */
  cutoff: number;
  points: AlliancePoint[];
  alerts: Alert[];
}

/** A band of the 0–40 Alliance Check total; `id` is e.g. "30-35", `max` is exclusive except for the last band. */
export interface DistributionBand {
  id: string;
  min: number;
  max: number;
}

/** How many engagements fall in each band, below the cut-off, and the median: counts only, never who. */
export interface AllianceDistributionCounts {
  /** Engagements counted, each with its latest total. */
  engagements: number;
  /** Engagements per band id. */
  bands: Record<string, number>;
  belowCutoff: number;
  median: number | null;
}

/**
 * `GET /api/orgs/:orgId/alliance-distribution`: `withheld` (and `distribution` null) while fewer than
 * `minimumGroupSize` coachees have rated, so that no one can be singled out.
 */
export interface AllianceDistribution {
  cutoff: number;
  minimumGroupSize: number;
  bands: DistributionBand[];
  withheld: boolean;
  distribution: AllianceDistributionCounts | null;
}

/** The `status` filter of `GET /api/orgs/:orgId/alerts`; "" for the default (open and acknowledged). */
export type AlertFilter = "" | AlertStatus | "all";

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

/** A threshold of the feedback rules a programme may set (docs/feedback-rules.md). */
export type FeedbackSettingField =
  | "weakAllianceCutoff0to40"
  | "ruptureDrop0to40"
  | "reliableChangeSd0to40"
  | "reliableChangeReliability"
  | "goalTaskDrop0to10"
  | "goalTaskFloor0to10"
  | "perceptionGap0to40"
  | "missingRatingsInARow"
  | "periodicCheckEvery";

/** A setting's default and valid range; `integer` for whole numbers only. */
export interface FeedbackSettingRange {
  default: number;
  min: number;
  max: number;
  integer: boolean;
}

export type FeedbackSettingsOverrides = Partial<Record<FeedbackSettingField, number>>;

/** GET/PUT …/programmes/:programmeId/feedback-settings. */
export interface FeedbackSettingsView {
  settings: Record<FeedbackSettingField, number>;
  overrides: FeedbackSettingsOverrides;
  ranges: Record<FeedbackSettingField, FeedbackSettingRange>;
}

/** A check-in's total and item scores (0–10 items, total their mean); null where not scored. */
export interface ItemScores {
  total: number | null;
  items: Record<string, number | null>;
}

/** The periodic check-ins given for one held session. */
export interface CheckInSession {
  sessionId: string;
  sessionNumber: number;
  startsAt: string;
  coachAttributes: ItemScores | null;
  fivePillars: { coachee: ItemScores | null; coach: ItemScores | null };
  sideEffects: { reported: Array<{ categoryId: string; label: string }>; comment: string | null } | null;
  /** The coachee's own wellbeing check-in; never shown to anyone else. */
  wellbeing: { phq2: number | null; gad2: number | null; positive: boolean } | null;
}

/** A programme's support resources: its own list, and what the referral page shows now. */
export interface SupportResourcesView {
  resources: SupportResource[];
  shown: SupportResource[];
  programmeConfigured: boolean;
}

/** A person as the matching views name them. */
export interface PersonRef {
  id: string;
  name: string;
}

/** One plain-words reason of a match score, with how well the pair meets it (0–1). */
export interface MatchReason {
  component: string;
  value: number;
  reason: string;
}

/** A waiting coachee in the proposed cohort assignment. */
export interface CohortProposal {
  coachee: PersonRef;
  coach: PersonRef | null;
  score: number | null;
  reasons: MatchReason[];
  /** "choice": the coachee chose this coach; "cohort": the best assignment for the whole cohort. */
  source: "choice" | "cohort" | null;
  unassignedReason: string | null;
  /** Allowed coaches with room, best first: the admin's options. */
  options: Array<{ coach: PersonRef; score: number }>;
}

/** `GET …/programmes/:programmeId/matching/cohort`. */
export interface CohortView {
  proposals: CohortProposal[];
  withoutProfile: PersonRef[];
  coaches: Array<{ coach: PersonRef; capacity: number; load: number }>;
}

/** `GET …/programmes/:programmeId/matching/evidence`. */
export interface MatchEvidence {
  minimumPairs: number;
  pairs: number;
  components: Array<{
    component: string;
    n: number;
    status: "estimated" | "not_enough_data" | "no_variation";
    r: number | null;
    low: number | null;
    high: number | null;
  }>;
}

/** `GET /api/orgs/:orgId/matching/shortlist`. */
export interface Shortlists {
  programmes: Array<{
    programmeId: string;
    programmeName: string;
    chosen: string | null;
    shortlist: Array<{ coach: PersonRef; score: number; reasons: MatchReason[] }>;
  }>;
}

/** A programme's match score weights and time-zone limit. */
export interface MatchSettings {
  weights: Record<string, number>;
  maxTimeZoneGapHours: number;
}

/** `GET …/programmes/:programmeId/matching/settings`. */
export interface MatchSettingsView {
  settings: MatchSettings;
  defaults: MatchSettings;
}
