// The life of a coaching session: scheduled, then held or cancelled; only a scheduled session can be edited.

import type { IsoInstant, Minutes } from "../shared/brand.ts";
import { assertNever } from "../shared/brand.ts";
import { DomainError } from "../shared/domain-error.ts";

export const SESSION_STATUSES = ["scheduled", "held", "cancelled"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_MODES = ["in_person", "video", "phone"] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** Shortest and longest session the product accepts, in minutes. */
export const SESSION_MINUTES = { min: 15, max: 480 } as const;

export interface SessionState {
  readonly status: SessionStatus;
  readonly startsAt: IsoInstant;
  readonly durationMinutes: Minutes;
  readonly mode: SessionMode;
  readonly heldAt: IsoInstant | null;
  readonly cancelledAt: IsoInstant | null;
  readonly cancelReason: string | null;
}

export type SessionEvent =
  | {
      readonly type: "reschedule";
      readonly startsAt?: IsoInstant;
      readonly durationMinutes?: Minutes;
      readonly mode?: SessionMode;
    }
  | { readonly type: "mark_held"; readonly at: IsoInstant }
  | { readonly type: "cancel"; readonly at: IsoInstant; readonly reason: string | null };

const VERBS: Record<SessionEvent["type"], string> = {
  reschedule: "edit",
  mark_held: "mark as held",
  cancel: "cancel",
};

/**
 * Applies `event` to a session. Every event needs a scheduled session: a held or cancelled session is
 * a record of what happened and is not rewritten. A session can be marked held only once it has
 * started. Throws `session_state_conflict` otherwise.
 */
export function applySessionEvent(session: SessionState, event: SessionEvent): SessionState {
  if (session.status !== "scheduled") {
    throw new DomainError(
      "session_state_conflict",
      `This session is already ${session.status}; only a scheduled session can be changed (tried to ${VERBS[event.type]} it).`,
    );
  }
  switch (event.type) {
    case "reschedule":
      return {
        ...session,
        startsAt: event.startsAt ?? session.startsAt,
        durationMinutes: event.durationMinutes ?? session.durationMinutes,
        mode: event.mode ?? session.mode,
      };
    case "mark_held":
      // ISO instants in UTC compare correctly as text.
      if (event.at < session.startsAt) {
        throw new DomainError(
          "session_state_conflict",
          "This session has not started yet; mark it held once it has taken place.",
        );
      }
      return { ...session, status: "held", heldAt: event.at };
    case "cancel":
      return { ...session, status: "cancelled", cancelledAt: event.at, cancelReason: event.reason };
    default:
      return assertNever(event);
  }
}
