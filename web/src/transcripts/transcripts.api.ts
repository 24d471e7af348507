// The transcript endpoints: the coachee's consent per engagement, a session's transcript and its analysis.
import type { Analysis } from "../../../src/core/transcripts/analyze.ts";
import { api, orgPath } from "../api.ts";

export type { Analysis };

export interface TranscriptConsent {
  status: "granted" | "withdrawn" | "none";
  changedAt: string | null;
}

export interface SessionTranscript {
  format: string;
  uploadedAt: string;
  analysis: Analysis;
}

export function fetchConsent(orgId: string, engagementId: string): Promise<TranscriptConsent> {
  return api.get<TranscriptConsent>(orgPath(orgId, "engagements", engagementId, "transcript-consent"));
}

/** The coachee only; withdrawing deletes every stored transcript of the engagement. */
export function saveConsent(
  orgId: string,
  engagementId: string,
  granted: boolean,
): Promise<TranscriptConsent & { deletedTranscripts: number }> {
  return api.put(orgPath(orgId, "engagements", engagementId, "transcript-consent"), { granted });
}

/** The session's transcript, or null when it has none. */
export function fetchTranscript(orgId: string, sessionId: string): Promise<SessionTranscript | null> {
  return api.get<SessionTranscript | null>(orgPath(orgId, "sessions", sessionId, "transcript"));
}

/** The session's coach; 409 without consent, 400 naming the line of a transcript that cannot be read. */
export function uploadTranscript(
  orgId: string,
  sessionId: string,
  input: { text: string; format?: string; coachSpeaker?: string },
): Promise<SessionTranscript> {
  return api.put<SessionTranscript>(orgPath(orgId, "sessions", sessionId, "transcript"), input);
}
