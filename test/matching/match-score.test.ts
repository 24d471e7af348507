import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignCohort } from "../../src/core/matching/assignment.ts";
import {
  type CoacheeProfile,
  type CoachProfile,
  DEFAULT_MATCH_SETTINGS,
  hardConstraintsBroken,
  resolveMatchSettings,
  scorePair,
  shortlist,
} from "../../src/core/matching/match-score.ts";
import {
  coacheesFromRows,
  coachesFromRows,
  ProfileError,
  type ProfileRow,
} from "../../src/core/matching/profile-import.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/matching");
function rowsOf(file: string): ProfileRow[] {
  const records = parse(readFileSync(path.join(FIXTURES, file), "utf8"), {
    columns: true,
    bom: true,
  }) as Record<string, string>[];
  return records.map((cells, index) => ({ line: index + 2, cells }));
}

const coachee = (over: Partial<CoacheeProfile> = {}): CoacheeProfile => ({
  id: "amara",
  themes: ["leadership", "delegation"],
  industry: "healthcare",
  function: "operations",
  seniority: "middle manager",
  languages: ["en"],
  utcOffsetHours: 0,
  background: { career_path: ["clinician to manager"] },
  style: { advisory: 0.3, wellbeing: 0.5 },
  previousCoaches: [],
  ...over,
});
const coach = (over: Partial<CoachProfile> = {}): CoachProfile => ({
  id: "kim",
  themes: ["leadership", "conflict"],
  industries: ["healthcare"],
  functions: ["finance"],
  seniorities: ["middle manager"],
  languages: ["EN", "fr"],
  utcOffsetHours: 1,
  background: { career_path: ["clinician to manager"] },
  gender: "woman",
  capacity: 2,
  style: { advisory: 0.3, wellbeing: 0.6 },
  available: true,
  ...over,
});

describe("pair score", () => {
  it("explains every component in plain words and weighs them into 0–100", () => {
    const scored = scorePair(coachee(), coach());
    if (!scored.allowed) throw new Error("expected an allowed pair");
    expect(scored.components.map((c) => [c.component, c.reason])).toEqual([
      ["themes", "works on 1 of your 2 themes: leadership"],
      ["industry", "shares your industry: healthcare"],
      ["function", "does not share your function (operations)"],
      ["seniority", "shares your seniority: middle manager"],
      ["background", "shares your background in 1 of 1: career path (clinician to manager)"],
      ["style", "coaches in the style you prefer"],
      ["timeZone", "time zones 1 h apart"],
    ]);
    // (30·0.5 + 10 + 0 + 10 + 15 + 15·0.95 + 5·0.75) / (30+10+10+10+15+15+5) × 100
    expect(scored.score).toBeCloseTo((100 * (15 + 10 + 0 + 10 + 15 + 14.25 + 3.75)) / 95, 2);
  });

  it("rules a pair out on each hard constraint, and only past it", () => {
    const broken = (c: Partial<CoacheeProfile>, k: Partial<CoachProfile> = {}) =>
      hardConstraintsBroken(coachee(c), coach(k), DEFAULT_MATCH_SETTINGS);
    expect(broken({})).toEqual([]);
    expect(broken({ languages: ["es"] })).toEqual(["no shared language (coachee: es; coach: EN, fr)"]);
    // The gap limit is 4 h: exactly 4 is allowed, 4.5 is not; gaps wrap around the date line.
    expect(broken({ utcOffsetHours: 5 })).toEqual([]);
    expect(broken({ utcOffsetHours: 5.5 })).toEqual(["time zones 4.5 h apart (limit 4 h)"]);
    expect(broken({ utcOffsetHours: -11 }, { utcOffsetHours: 12 })).toEqual([]);
    expect(broken({ reportingLine: "Operations" }, { reportingLine: "operations" })).toEqual([
      "same reporting line (Operations)",
    ]);
    expect(broken({ reportingLine: "Operations" }, { reportingLine: "Finance" })).toEqual([]);
    expect(broken({ previousCoaches: ["kim"] })).toEqual(["worked together before"]);
    expect(broken({}, { available: false })).toEqual(["kim is not taking new coachees"]);
    expect(scorePair(coachee({ languages: ["es"] }), coach())).toEqual({
      allowed: false,
      reasons: ["no shared language (coachee: es; coach: EN, fr)"],
    });
  });

  it("counts gender only when the coachee asked for it", () => {
    const score = (c: Partial<CoacheeProfile>, k: Partial<CoachProfile>) => {
      const scored = scorePair(coachee(c), coach(k));
      return scored.allowed ? scored.score : Number.NaN;
    };
    expect(score({ gender: "man" }, { gender: "woman" })).toBe(score({ gender: "woman" }, { gender: "man" }));
    expect(score({}, { gender: "woman" })).toBe(score({}, { gender: undefined }));
    expect(score({ genderPreference: "woman" }, { gender: "woman" })).toBeGreaterThan(
      score({ genderPreference: "woman" }, { gender: "man" }),
    );
  });

  it("takes the programme's weights: a weight of 0 leaves its component out", () => {
    const settings = {
      ...DEFAULT_MATCH_SETTINGS,
      weights: { ...DEFAULT_MATCH_SETTINGS.weights, function: 0 },
    };
    const scored = scorePair(coachee(), coach(), settings);
    expect(scored.allowed && scored.components.some((c) => c.component === "function")).toBe(false);
    expect(scored.allowed && scored.score).toBeGreaterThan(
      (scorePair(coachee(), coach()) as { score: number }).score,
    );
  });

  it("resolves a programme's stored overrides, ignoring anything invalid", () => {
    expect(resolveMatchSettings(undefined)).toEqual(DEFAULT_MATCH_SETTINGS);
    expect(resolveMatchSettings("garbled")).toEqual(DEFAULT_MATCH_SETTINGS);
    const resolved = resolveMatchSettings({
      weights: { gender: 0, themes: 50, age: 20, style: -1, industry: 101 },
      maxTimeZoneGapHours: 2,
    });
    expect(resolved.weights).toEqual({ ...DEFAULT_MATCH_SETTINGS.weights, gender: 0, themes: 50 });
    expect(resolved.maxTimeZoneGapHours).toBe(2);
    expect(resolveMatchSettings({ maxTimeZoneGapHours: 13 }).maxTimeZoneGapHours).toBe(4);
  });

  it("shortlists the best 3 coaches with room, best first, ties by id", () => {
    const coaches = ["d", "b", "a", "c", "e"].map((id) => coach({ id }));
    const full = new Map([["a", 2]]);
    expect(shortlist(coachee(), coaches, DEFAULT_MATCH_SETTINGS, full).map((e) => e.coach.id)).toEqual([
      "b",
      "c",
      "d",
    ]);
    const better = [...coaches, coach({ id: "z", functions: ["operations"] })];
    expect(shortlist(coachee(), better).map((e) => e.coach.id)).toEqual(["z", "a", "b"]);
  });
});

describe("age is never used", () => {
  const coachRows = rowsOf("coaches.csv");
  const coacheeRows = rowsOf("coachees.csv");

  it("drops age and birth-date columns on import", () => {
    const withoutAge = (rows: ProfileRow[]) =>
      rows.map((row) => ({
        line: row.line,
        cells: Object.fromEntries(
          Object.entries(row.cells).filter(([k]) => k !== "age" && k !== "date_of_birth"),
        ),
      }));
    expect(coachesFromRows(coachRows)).toEqual(coachesFromRows(withoutAge(coachRows)));
    expect(coacheesFromRows(coacheeRows)).toEqual(coacheesFromRows(withoutAge(coacheeRows)));
  });

  it("changing anyone's age changes no score and no assignment", () => {
    const solve = (coachRowsNow: ProfileRow[], coacheeRowsNow: ProfileRow[]) => {
      const coaches = coachesFromRows(coachRowsNow);
      const coachees = coacheesFromRows(coacheeRowsNow);
      const scores = coachees.flatMap((e) => coaches.map((c) => scorePair(e, c)));
      const assignment = assignCohort({
        coachees: coachees.map((e) => e.id),
        coaches,
        score: (e, c) => {
          const scored = scorePair(
            coachees.find((x) => x.id === e) as CoacheeProfile,
            coaches.find((x) => x.id === c) as CoachProfile,
          );
          return scored.allowed ? scored.score : undefined;
        },
      });
      return { scores, assignment };
    };
    const before = solve(coachRows, coacheeRows);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 18, max: 90 }), {
          minLength: coachRows.length,
          maxLength: coachRows.length,
        }),
        fc.array(fc.date({ min: new Date("1930-01-01"), max: new Date("2008-12-31"), noInvalidDate: true }), {
          minLength: coacheeRows.length,
          maxLength: coacheeRows.length,
        }),
        (ages, births) => {
          const aged = coachRows.map((row, i) => ({ ...row, cells: { ...row.cells, age: String(ages[i]) } }));
          const born = coacheeRows.map((row, i) => ({
            ...row,
            cells: { ...row.cells, date_of_birth: births[i]?.toISOString().slice(0, 10) ?? "" },
          }));
          expect(solve(aged, born)).toEqual(before);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("profile import", () => {
  it("reads lists, offsets, styles and background facets", () => {
    const [amara] = coacheesFromRows(rowsOf("coachees.csv"));
    expect(amara).toMatchObject({
      id: "amara",
      themes: ["leadership", "delegation"],
      utcOffsetHours: 0,
      genderPreference: "woman",
      style: { advisory: 0.3, wellbeing: 0.5 },
      background: { career_path: ["clinician to manager"], first_generation: ["yes"] },
    });
    const ros = coachesFromRows(rowsOf("coaches.csv")).find((c) => c.id === "ros");
    expect(ros?.themes).toEqual(["leadership", "wellbeing, resilience"]);
    expect(ros?.utcOffsetHours).toBe(-5);
  });

  it("names the line of a bad row", () => {
    const row = (line: number, cells: Record<string, string>): ProfileRow => ({ line, cells });
    const base = { id: "kim", capacity: "2", languages: "en" };
    expect(() => coachesFromRows([row(2, { ...base, capacity: "-1" })])).toThrow(
      new ProfileError(2, 'capacity must be a whole number ≥ 0 (got "-1")'),
    );
    expect(() => coachesFromRows([row(2, base), row(3, base)])).toThrow(/line 3: coach "kim" appears twice/);
    expect(() => coachesFromRows([row(2, { ...base, utc_offset: "+15" })])).toThrow(/line 2: utc_offset/);
    expect(() => coachesFromRows([row(2, { ...base, avail: "yes" })])).toThrow(
      /line 1: unknown column "avail"/,
    );
    expect(() => coacheesFromRows([row(2, { id: "", languages: "en" })])).toThrow(
      /line 2: the coachee has no id/,
    );
  });
});
