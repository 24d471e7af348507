// Status badges for sessions and engagements: text first, colour only as a second cue.
import type { EngagementStatus, SessionStatus } from "../types.ts";
import { ENGAGEMENT_STATUS_LABELS, SESSION_STATUS_LABELS } from "./labels.ts";

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  return <span className={`badge badge-${status}`}>{SESSION_STATUS_LABELS[status]}</span>;
}

export function EngagementStatusBadge({ status }: { status: EngagementStatus }) {
  return <span className={`badge badge-${status}`}>{ENGAGEMENT_STATUS_LABELS[status]}</span>;
}
