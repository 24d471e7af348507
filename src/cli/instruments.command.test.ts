import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALLIANCE_CHECK } from "../core/instruments/builtins/alliance-check.ts";
import { InputError, instrumentNamed, scoreCsv } from "./instruments.command.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURE = path.join(ROOT, "test/fixtures/alliance-check.csv");

function alliance(args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, "bin/alliance.js"), ...args], {
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function value(score: unknown): number | string {
  const s = score as { status: string; value?: number };
  return s.status === "scored" ? Math.round((s.value ?? 0) * 100) / 100 : s.status;
}

describe("scoreCsv", () => {
  it("scores each row by hand-checkable numbers (BOM, CRLF, quoted fields)", () => {
    const rows = scoreCsv(ALLIANCE_CHECK, readFileSync(FIXTURE, "utf8"));
    expect(rows.map((r) => [r.line, r.id, value(r.total)])).toEqual([
      // 59 of 70 → 33.71 of 40
      [2, "r1", 33.71],
      // one of seven missing (≤ 20 %): 40 over six items, prorated to 46.67 of 70 → 26.67 of 40
      [3, "r2", 26.67],
      [4, "r3", 40],
    ]);
    expect(rows[1]?.total).toMatchObject({ prorated: true, missing: 1 });
    // The goals subscale of r2 has one of two items missing (50 %): no score.
    expect(value(rows[1]?.subscales.goals)).toBe("too_many_missing");
    expect(value(rows[0]?.subscales.bond)).toBe(9.5);
  });

  it.each([
    ["goals-focus,overall\n8,11\n", 'CSV line 2: Item "overall" accepts 0 to 10, got 11.'],
    ["goals-focus,overall\n8,9\n7,lots\n", 'CSV line 3: Item "overall" needs a number, got "lots".'],
    ["goals-focus,mood\n8,9\n", 'CSV line 1: "mood" is not an item of alliance-check'],
    ["goals-focus,overall\n8,9,10\n", "CSV line 2"],
    ["", "the CSV file is empty"],
  ])("refuses %j naming the line", (csv, message) => {
    expect(() => scoreCsv(ALLIANCE_CHECK, csv)).toThrow(InputError);
    expect(() => scoreCsv(ALLIANCE_CHECK, csv)).toThrow(message);
  });

  it("finds instruments by id or id@version, and names the known ones otherwise", () => {
    expect(instrumentNamed("alliance-check@1.0.0").id).toBe("alliance-check");
    expect(() => instrumentNamed("wai-sr")).toThrow(/unknown instrument "wai-sr" \(known: alliance-check, /);
  });
});

describe("alliance score and alliance instruments", () => {
  it("scores a CSV file as JSON", () => {
    const { code, stdout } = alliance([
      "score",
      "--instrument",
      "alliance-check",
      "--csv",
      FIXTURE,
      "--json",
    ]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { instrument: { id: string }; responses: Array<{ line: number }> };
    expect(parsed.instrument.id).toBe("alliance-check");
    expect(parsed.responses.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it("exits 2 naming the line of a bad row", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "alliance-csv-")), "bad.csv");
    writeFileSync(file, "goals-focus,overall\n8,9\n8,-1\n");
    const { code, stderr } = alliance(["score", "--instrument", "alliance-check", "--csv", file]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('alliance: CSV line 3: Item "overall" accepts 0 to 10, got -1.');
  });

  it("lists instruments and exports one as a FHIR Questionnaire", () => {
    const list = JSON.parse(alliance(["instruments", "list", "--json"]).stdout) as Array<{ id: string }>;
    expect(list.map((i) => i.id)).toContain("wellbeing-screen");
    const exported = JSON.parse(
      alliance(["instruments", "export", "alliance-check", "--format", "fhir"]).stdout,
    ) as {
      resourceType: string;
      item: unknown[];
    };
    expect(exported.resourceType).toBe("Questionnaire");
    expect(exported.item).toHaveLength(8);
    expect(alliance(["instruments", "export", "alliance-check", "--format", "xml"]).code).toBe(2);
  });
});
