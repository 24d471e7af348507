// Human labels for session modes and statuses, engagement statuses and note visibility.
import type { EngagementStatus, NoteVisibility, SessionMode, SessionStatus } from "../types.ts";

export const SESSION_MODES: readonly SessionMode[] = ["in_person", "video", "phone"];

export const MODE_LABELS: Readonly<Record<SessionMode, string>> = {
  in_person: "In person",
  video: "Video",
  phone: "Phone",
};

export const SESSION_STATUS_LABELS: Readonly<Record<SessionStatus, string>> = {
  scheduled: "Scheduled",
  held: "Held",
  cancelled: "Cancelled",
};

export const ENGAGEMENT_STATUS_LABELS: Readonly<Record<EngagementStatus, string>> = {
  active: "Active",
  closed: "Closed",
};

export const NOTE_VISIBILITY_LABELS: Readonly<Record<NoteVisibility, string>> = {
  coach_private: "Private to the coach",
  shared: "Shared with coachee",
};
