import { describe, expect, it } from "vitest";
import type { IsoInstant, Minutes } from "../shared/brand.ts";
import { DomainError } from "../shared/domain-error.ts";
import { applySessionEvent, type SessionState } from "./session-lifecycle.ts";

const at = (iso: string) => iso as IsoInstant;

function scheduled(overrides: Partial<SessionState> = {}): SessionState {
  return {
    status: "scheduled",
    startsAt: at("2026-12-01T09:00:00.000Z"),
    durationMinutes: 60 as Minutes,
    mode: "video",
    heldAt: null,
    cancelledAt: null,
    cancelReason: null,
    ...overrides,
  };
}

describe("applySessionEvent", () => {
  it("marks a scheduled session held at the given time", () => {
    const held = applySessionEvent(scheduled(), { type: "mark_held", at: at("2026-12-01T10:05:00.000Z") });
    expect(held.status).toBe("held");
    expect(held.heldAt).toBe("2026-12-01T10:05:00.000Z");
  });

  it("refuses to mark a session held before it starts", () => {
    const early = () =>
      applySessionEvent(scheduled(), { type: "mark_held", at: at("2026-12-01T08:59:59.999Z") });
    expect(early).toThrow("has not started yet");
    expect(
      applySessionEvent(scheduled(), { type: "mark_held", at: at("2026-12-01T09:00:00.000Z") }).status,
    ).toBe("held");
  });

  it("cancels a scheduled session with its reason", () => {
    const cancelled = applySessionEvent(scheduled(), {
      type: "cancel",
      at: at("2026-11-30T12:00:00.000Z"),
      reason: "coachee unwell",
    });
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "coachee unwell" });
  });

  it("reschedules only the fields given", () => {
    const moved = applySessionEvent(scheduled(), { type: "reschedule", durationMinutes: 45 as Minutes });
    expect(moved).toMatchObject({ startsAt: "2026-12-01T09:00:00.000Z", durationMinutes: 45, mode: "video" });
  });

  it.each([
    ["held", { type: "mark_held", at: at("2026-12-02T00:00:00.000Z") }],
    ["held", { type: "cancel", at: at("2026-12-02T00:00:00.000Z"), reason: null }],
    ["cancelled", { type: "reschedule", mode: "phone" }],
    ["cancelled", { type: "mark_held", at: at("2026-12-02T00:00:00.000Z") }],
  ] as const)("refuses to change a %s session (%o)", (status, event) => {
    const apply = () => applySessionEvent(scheduled({ status }), event);
    expect(apply).toThrow(DomainError);
    expect(apply).toThrow(`already ${status}`);
  });
});
