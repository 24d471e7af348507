// The engagement, session and session-note endpoints of one organization.
import { api, orgPath, withQuery } from "../api.ts";
import type {
  Engagement,
  EngagementDetail,
  HeldSession,
  Note,
  NoteInput,
  Session,
  SessionInput,
} from "../types.ts";

/** The engagements the caller may read; `programmeId` "" for all programmes. */
export async function listEngagements(orgId: string, programmeId: string): Promise<Engagement[]> {
  const path = withQuery(orgPath(orgId, "engagements"), { programmeId });
  return (await api.get<{ engagements: Engagement[] }>(path)).engagements;
}

export function fetchEngagement(orgId: string, engagementId: string): Promise<EngagementDetail> {
  return api.get<EngagementDetail>(orgPath(orgId, "engagements", engagementId));
}

export async function scheduleSession(
  orgId: string,
  engagementId: string,
  input: SessionInput,
): Promise<Session> {
  const path = orgPath(orgId, "engagements", engagementId, "sessions");
  return (await api.post<{ session: Session }>(path, input)).session;
}

/** Only while the session is scheduled (else 409 `session_state_conflict`). */
export async function updateSession(
  orgId: string,
  sessionId: string,
  changes: Partial<SessionInput>,
): Promise<Session> {
  return (await api.patch<{ session: Session }>(orgPath(orgId, "sessions", sessionId), changes)).session;
}

/** Answers the session and, when one was issued, the coachee's rating link (also mailed to them). */
export function markSessionHeld(orgId: string, sessionId: string): Promise<HeldSession> {
  return api.post<HeldSession>(orgPath(orgId, "sessions", sessionId, "held"));
}

export async function cancelSession(orgId: string, sessionId: string, reason: string): Promise<Session> {
  const body = reason === "" ? {} : { reason };
  return (await api.post<{ session: Session }>(orgPath(orgId, "sessions", sessionId, "cancel"), body))
    .session;
}

/** Only the notes the caller may read. */
export async function listNotes(orgId: string, sessionId: string): Promise<Note[]> {
  return (await api.get<{ notes: Note[] }>(orgPath(orgId, "sessions", sessionId, "notes"))).notes;
}

export async function addNote(orgId: string, sessionId: string, input: NoteInput): Promise<Note> {
  return (await api.post<{ note: Note }>(orgPath(orgId, "sessions", sessionId, "notes"), input)).note;
}
