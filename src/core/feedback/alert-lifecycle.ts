// The life of an alert: open → acknowledged → resolved with a note; refused moves come back as error values.

import type { IsoInstant, PersonId } from "../shared/brand.ts";
import { assertNever } from "../shared/brand.ts";
import { err, ok, type Result } from "../shared/result.ts";
import { RESOLUTION_NOTE_MAX_LENGTH } from "./constants.ts";

/** Where an alert stands. A resolved alert keeps who acknowledged it (the resolver, if no one did first). */
export type AlertState =
  | { readonly status: "open"; readonly openedAt: IsoInstant }
  | {
      readonly status: "acknowledged";
      readonly openedAt: IsoInstant;
      readonly acknowledgedAt: IsoInstant;
      readonly acknowledgedBy: PersonId;
    }
  | {
      readonly status: "resolved";
      readonly openedAt: IsoInstant;
      readonly acknowledgedAt: IsoInstant;
      readonly acknowledgedBy: PersonId;
      readonly resolvedAt: IsoInstant;
      readonly resolvedBy: PersonId;
      /** What the coach did or decided, trimmed; never empty. */
      readonly note: string;
    };

export type AlertStatus = AlertState["status"];

/** What a person does with an alert. */
export type AlertAction =
  | { readonly type: "acknowledge"; readonly by: PersonId }
  | { readonly type: "resolve"; readonly by: PersonId; readonly note: string };

export const ALERT_ACTION_ERROR_CODES = ["already_resolved", "note_required", "note_too_long"] as const;
/**
 * - `already_resolved`: a resolved alert is final (the server answers 409 conflict).
 * - `note_required` / `note_too_long`: the resolution note is empty or longer than 2,000 characters (400,
 *   field `note`).
 */
export type AlertActionErrorCode = (typeof ALERT_ACTION_ERROR_CODES)[number];

export interface AlertActionError {
  readonly code: AlertActionErrorCode;
  readonly message: string;
  readonly field: "note" | null;
}

/** The state of an alert the rules have just raised. */
export function openAlertState(at: IsoInstant): AlertState {
  return { status: "open", openedAt: at };
}

/**
 * Applies `action` at `at` to a tracked alert and returns the alert with its new state, or an error value.
 *
 * - acknowledge: open → acknowledged. Acknowledging an acknowledged alert is a no-op that keeps the first
 *   acknowledgement (two coaches' tabs, a double click), not an error.
 * - resolve: open or acknowledged → resolved; needs a non-blank note of at most 2,000 characters, stored
 *   trimmed. Resolving an open alert also counts as acknowledging it.
 * - Anything on a resolved alert: `already_resolved`. Resolved is final; a new finding raises a new alert.
 *
 * `at` is not checked against earlier times: several app servers' clocks may differ by a little, and a
 * person's action should not be refused for it.
 */
export function applyAlertAction<A extends { readonly state: AlertState }>(
  alert: A,
  action: AlertAction,
  at: IsoInstant,
): Result<A, AlertActionError> {
  const state = alert.state;
  if (state.status === "resolved") {
    return err({
      code: "already_resolved",
      message: "This alert is already resolved; it can no longer be changed.",
      field: null,
    });
  }
  switch (action.type) {
    case "acknowledge":
      if (state.status === "acknowledged") return ok(alert);
      return ok({
        ...alert,
        state: {
          status: "acknowledged",
          openedAt: state.openedAt,
          acknowledgedAt: at,
          acknowledgedBy: action.by,
        },
      });
    case "resolve": {
      const note = action.note.trim();
      if (note === "") {
        return err({
          code: "note_required",
          message: "Add a note saying what you did or decided before resolving the alert.",
          field: "note",
        });
      }
      if (note.length > RESOLUTION_NOTE_MAX_LENGTH) {
        return err({
          code: "note_too_long",
          message: `The note is ${note.length} characters long; at most ${RESOLUTION_NOTE_MAX_LENGTH} are kept.`,
          field: "note",
        });
      }
      const acknowledged =
        state.status === "acknowledged"
          ? { acknowledgedAt: state.acknowledgedAt, acknowledgedBy: state.acknowledgedBy }
          : { acknowledgedAt: at, acknowledgedBy: action.by };
      return ok({
        ...alert,
        state: {
          status: "resolved",
          openedAt: state.openedAt,
          ...acknowledged,
          resolvedAt: at,
          resolvedBy: action.by,
          note,
        },
      });
    }
    default:
      return assertNever(action);
  }
}
