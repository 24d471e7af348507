import { describe, expect, it } from "vitest";
import { coacheeInstrumentsFor, coachInstrumentsFor } from "./check-in-schedule.ts";

const coachee = (sessionNumber: number, extra: Partial<Parameters<typeof coacheeInstrumentsFor>[0]> = {}) =>
  coacheeInstrumentsFor({ sessionNumber, plannedSessions: null, wellbeingScreen: false, ...extra });

describe("check-in schedule", () => {
  it("asks only the Alliance Check at sessions 1 and 2", () => {
    expect(coachee(1)).toEqual(["alliance-check"]);
    expect(coachee(2)).toEqual(["alliance-check"]);
  });

  it("adds side effects, coach attributes and the five pillars at session 3", () => {
    expect(coachee(3)).toEqual([
      "alliance-check",
      "side-effects-check",
      "coach-attributes",
      "five-pillars-coachee",
    ]);
  });

  it("asks the periodic check-ins every 3rd session by default, and the five pillars at 3 and 6 only", () => {
    const periodic = Array.from({ length: 12 }, (_, i) => i + 1).filter((n) =>
      coachee(n).includes("coach-attributes"),
    );
    expect(periodic).toEqual([3, 6, 9, 12]);
    const pillars = Array.from({ length: 12 }, (_, i) => i + 1).filter((n) =>
      coachee(n).includes("five-pillars-coachee"),
    );
    expect(pillars).toEqual([3, 6]);
  });

  it("follows the programme's cadence for the periodic check-ins", () => {
    expect(coachee(2, { periodicCheckEvery: 2 })).toContain("coach-attributes");
    expect(coachee(3, { periodicCheckEvery: 2 })).not.toContain("coach-attributes");
    expect(coachee(1, { periodicCheckEvery: 1 })).toContain("side-effects-check");
  });

  it("asks side effects and the five pillars, but not coach attributes, at the last planned session", () => {
    expect(coachee(8, { plannedSessions: 8 })).toEqual([
      "alliance-check",
      "side-effects-check",
      "five-pillars-coachee",
    ]);
    expect(coachee(7, { plannedSessions: 8 })).toEqual(["alliance-check"]);
  });

  it("asks nothing twice when the last session is also a 3rd one", () => {
    const ids = coachee(6, { plannedSessions: 6 });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(["alliance-check", "side-effects-check", "coach-attributes", "five-pillars-coachee"]);
  });

  it("asks the wellbeing screen after every session while it is turned on, right after the Alliance Check", () => {
    for (const n of [1, 2, 3, 4]) expect(coachee(n, { wellbeingScreen: true })[1]).toBe("wellbeing-screen");
    expect(coachee(1, { wellbeingScreen: false })).not.toContain("wellbeing-screen");
  });

  it("asks the coach the mirror always and the five-pillars self-view at 3, 6 and the last", () => {
    expect(coachInstrumentsFor({ sessionNumber: 1, plannedSessions: null })).toEqual(["coach-mirror"]);
    expect(coachInstrumentsFor({ sessionNumber: 3, plannedSessions: null })).toEqual([
      "coach-mirror",
      "five-pillars-coach",
    ]);
    expect(coachInstrumentsFor({ sessionNumber: 10, plannedSessions: 10 })).toContain("five-pillars-coach");
    expect(coachInstrumentsFor({ sessionNumber: 9, plannedSessions: 10 })).toEqual(["coach-mirror"]);
  });
});

describe("check-in instruments", () => {
  it("names built-in instruments only", async () => {
    const { BUILTIN_INSTRUMENTS } = await import("../instruments/registry.ts");
    const { CHECK_IN_INSTRUMENTS } = await import("./check-in-schedule.ts");
    const builtin = new Set(BUILTIN_INSTRUMENTS.map((instrument) => instrument.id));
    for (const id of Object.values(CHECK_IN_INSTRUMENTS)) expect(builtin.has(id)).toBe(true);
  });
});
