// The database schema as Kysely sees it: one interface per table. Times are ISO 8601 UTC text on both databases.

export interface OrganizationTable {
  id: string;
  name: string;
  created_at: string;
}

export interface ProgrammeTable {
  organization_id: string;
  id: string;
  name: string;
  /** JSON: the support resources the referral page shows after a positive wellbeing screen. */
  support_resources: string;
  created_at: string;
}

/** A login. Global: one account can belong to several organizations through people. */
export interface AccountTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  created_at: string;
}

/** A person inside one organization; `account_id` links them to their login once they have one. */
export interface PersonTable {
  organization_id: string;
  id: string;
  account_id: string | null;
  display_name: string;
  email: string;
  created_at: string;
}

/** A role held by a person, in one programme or (programme_id null) across the organization. */
export interface MembershipTable {
  organization_id: string;
  id: string;
  person_id: string;
  programme_id: string | null;
  role: string;
  created_at: string;
}

export interface EngagementTable {
  organization_id: string;
  id: string;
  programme_id: string;
  coach_id: string;
  coachee_id: string;
  sponsor_id: string | null;
  status: string;
  /** Sessions the engagement plans; the session with this number is the last. */
  planned_sessions: number | null;
  /** 1 while the coachee has the wellbeing screen turned on. */
  wellbeing_screen: number;
  created_at: string;
}

export interface CoachingSessionTable {
  organization_id: string;
  id: string;
  engagement_id: string;
  status: string;
  starts_at: string;
  duration_minutes: number;
  mode: string;
  held_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SessionNoteTable {
  organization_id: string;
  id: string;
  session_id: string;
  author_id: string;
  visibility: string;
  body: string;
  created_at: string;
}

/** Append-only: the migrations install triggers that refuse UPDATE and DELETE. */
export interface AuditLogTable {
  organization_id: string;
  id: string;
  at: string;
  actor_person_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  detail: string;
}

export interface AuthSessionTable {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface PasswordResetTable {
  token_hash: string;
  account_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface InvitationTable {
  organization_id: string;
  id: string;
  token_hash: string;
  email: string;
  display_name: string;
  programme_id: string;
  role: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

/** Mail kept by the development transport when no SMTP server is configured. */
export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  created_at: string;
}

export interface JobTable {
  id: string;
  organization_id: string | null;
  kind: string;
  payload: string;
  dedupe_key: string | null;
  status: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface RatingLinkTable {
  organization_id: string;
  id: string;
  session_id: string;
  respondent_id: string;
  instrument_id: string;
  /** JSON: ids of the further instruments the link asks (periodic check-ins, wellbeing screen). */
  extra_instruments: string;
  /** The session's number among the engagement's held sessions when the link was made. */
  session_number: number | null;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface InstrumentResponseTable {
  organization_id: string;
  id: string;
  session_id: string;
  respondent_id: string;
  instrument_id: string;
  instrument_version: string;
  /** JSON: item id → answer. */
  answers: string;
  /** JSON: the score report (total and subscales). */
  scores: string;
  submitted_at: string;
}

export interface AlertTable {
  organization_id: string;
  id: string;
  engagement_id: string;
  session_id: string;
  alert_key: string;
  kind: string;
  severity: string;
  reason: string;
  suggested_repair: string;
  /** JSON: the rule's finding with its numbers. */
  finding: string;
  status: string;
  opened_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution_note: string | null;
}

export interface ProgrammeFeedbackSettingsTable {
  organization_id: string;
  programme_id: string;
  /** JSON: the programme's overrides of the feedback rules' defaults. */
  overrides: string;
  updated_at: string;
  updated_by: string;
}

export interface TranscriptConsentTable {
  organization_id: string;
  engagement_id: string;
  /** "granted" or "withdrawn". */
  status: string;
  changed_at: string;
  changed_by: string;
}

export interface SessionTranscriptTable {
  organization_id: string;
  id: string;
  session_id: string;
  format: string;
  text: string;
  /** JSON: the analysis of the text. */
  analysis: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface MatchingProfileTable {
  organization_id: string;
  person_id: string;
  role: string;
  /** JSON: the coach's or coachee's matching profile. */
  profile: string;
  updated_at: string;
}

export interface MatchingChoiceTable {
  organization_id: string;
  programme_id: string;
  coachee_id: string;
  coach_id: string;
  chosen_at: string;
}

export interface MatchTable {
  organization_id: string;
  engagement_id: string;
  score: number;
  /** JSON: the pair's score components when it was matched. */
  components: string;
  source: string;
  matched_at: string;
}

export interface ProgrammeMatchingSettingsTable {
  organization_id: string;
  programme_id: string;
  /** JSON: the programme's weights and time-zone limit over the defaults. */
  overrides: string;
  updated_at: string;
}

export interface Schema {
  organizations: OrganizationTable;
  programmes: ProgrammeTable;
  accounts: AccountTable;
  people: PersonTable;
  memberships: MembershipTable;
  engagements: EngagementTable;
  coaching_sessions: CoachingSessionTable;
  session_notes: SessionNoteTable;
  audit_log: AuditLogTable;
  auth_sessions: AuthSessionTable;
  password_resets: PasswordResetTable;
  invitations: InvitationTable;
  mail_outbox: OutboxTable;
  jobs: JobTable;
  rating_links: RatingLinkTable;
  instrument_responses: InstrumentResponseTable;
  alerts: AlertTable;
  transcript_consents: TranscriptConsentTable;
  session_transcripts: SessionTranscriptTable;
  programme_feedback_settings: ProgrammeFeedbackSettingsTable;
  matching_profiles: MatchingProfileTable;
  matching_choices: MatchingChoiceTable;
  matches: MatchTable;
  programme_matching_settings: ProgrammeMatchingSettingsTable;
}
