import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoInstant, PersonId } from "../shared/brand.ts";
import { type AlertAction, type AlertState, applyAlertAction, openAlertState } from "./alert-lifecycle.ts";

const at = (iso: string) => iso as IsoInstant;
const coach = "p-coach" as PersonId;
const other = "p-other" as PersonId;
const T0 = at("2026-03-01T09:00:00.000Z");
const T1 = at("2026-03-01T10:00:00.000Z");
const T2 = at("2026-03-02T10:00:00.000Z");

interface Tracked {
  readonly key: string;
  readonly state: AlertState;
}
const opened: Tracked = { key: "weak_alliance:e1:s1", state: openAlertState(T0) };

function apply(alert: Tracked, action: AlertAction, when: IsoInstant): Tracked {
  const result = applyAlertAction(alert, action, when);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("applyAlertAction", () => {
  it("acknowledges an open alert, keeping the rest of the alert", () => {
    expect(apply(opened, { type: "acknowledge", by: coach }, T1)).toEqual({
      key: "weak_alliance:e1:s1",
      state: { status: "acknowledged", openedAt: T0, acknowledgedAt: T1, acknowledgedBy: coach },
    });
  });

  it("treats a second acknowledgement as a no-op that keeps the first", () => {
    const acknowledged = apply(opened, { type: "acknowledge", by: coach }, T1);
    const again = applyAlertAction(acknowledged, { type: "acknowledge", by: other }, T2);
    expect(again).toEqual({ ok: true, value: acknowledged });
    if (again.ok) expect(again.value).toBe(acknowledged);
  });

  it("resolves an acknowledged alert with its note, trimmed", () => {
    const acknowledged = apply(opened, { type: "acknowledge", by: coach }, T1);
    expect(
      apply(acknowledged, { type: "resolve", by: other, note: "  Talked it through; new goal agreed. " }, T2)
        .state,
    ).toEqual({
      status: "resolved",
      openedAt: T0,
      acknowledgedAt: T1,
      acknowledgedBy: coach,
      resolvedAt: T2,
      resolvedBy: other,
      note: "Talked it through; new goal agreed.",
    });
  });

  it("resolves an open alert directly, which also acknowledges it", () => {
    expect(
      apply(opened, { type: "resolve", by: coach, note: "Referred to the GP." }, T1).state,
    ).toMatchObject({
      status: "resolved",
      acknowledgedAt: T1,
      acknowledgedBy: coach,
      resolvedAt: T1,
    });
  });

  it.each(["", "   ", "\n\t"])("refuses to resolve without a note (%j)", (note) => {
    expect(applyAlertAction(opened, { type: "resolve", by: coach, note }, T1)).toEqual({
      ok: false,
      error: {
        code: "note_required",
        message: "Add a note saying what you did or decided before resolving the alert.",
        field: "note",
      },
    });
  });

  it("accepts a note of 2,000 characters and refuses 2,001", () => {
    expect(applyAlertAction(opened, { type: "resolve", by: coach, note: "x".repeat(2000) }, T1).ok).toBe(
      true,
    );
    const tooLong = applyAlertAction(opened, { type: "resolve", by: coach, note: "x".repeat(2001) }, T1);
    expect(tooLong).toMatchObject({ ok: false, error: { code: "note_too_long", field: "note" } });
  });

  it.each([
    { type: "acknowledge", by: coach },
    { type: "resolve", by: coach, note: "again" },
  ] as const)("refuses any action on a resolved alert (%o)", (action) => {
    const resolved = apply(opened, { type: "resolve", by: coach, note: "done" }, T1);
    expect(applyAlertAction(resolved, action, T2)).toMatchObject({
      ok: false,
      error: { code: "already_resolved", field: null },
    });
  });

  it("never moves backwards and never leaves resolved, whatever the actions", () => {
    const rank = { open: 0, acknowledged: 1, resolved: 2 } as const;
    const action = fc.oneof(
      fc.constant<AlertAction>({ type: "acknowledge", by: coach }),
      fc.string({ maxLength: 5 }).map((note): AlertAction => ({ type: "resolve", by: other, note })),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 8 }), (actions) => {
        let alert = opened;
        for (const next of actions) {
          const result = applyAlertAction(alert, next, T1);
          if (!result.ok) {
            expect(alert.state.status === "resolved" || next.type === "resolve").toBe(true);
            continue;
          }
          expect(rank[result.value.state.status]).toBeGreaterThanOrEqual(rank[alert.state.status]);
          if (result.value.state.status === "resolved") expect(result.value.state.note).not.toBe("");
          alert = result.value;
        }
      }),
    );
  });
});
