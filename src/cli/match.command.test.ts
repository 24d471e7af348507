import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "alliance.js");
const FIXTURES = path.join(ROOT, "test", "fixtures", "matching");

function alliance(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes the files into a fresh folder and returns their paths. */
function files(contents: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), "alliance-match-"));
  return Object.fromEntries(
    Object.entries(contents).map(([name, text]) => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return [name, file];
    }),
  );
}

/** `alliance match assign` on the two tables, written to files first. */
function assign(scores: string, capacities: string, ...more: string[]) {
  const f = files({ "scores.csv": scores, "capacities.csv": capacities });
  return alliance([
    "match",
    "assign",
    "--scores",
    f["scores.csv"] ?? "",
    "--capacities",
    f["capacities.csv"] ?? "",
    ...more,
  ]);
}

const CAPACITIES = "coach,capacity\nkim,1\nlee,2\n";
const SCORES = "coachee,coach,score\nana,kim,9\nana,lee,8\nben,kim,7\nben,lee,2\ncas,kim,6\n";

describe("alliance match assign", () => {
  it("prints the optimal assignment as JSON: every coachee placed, where greedy would leave one out", () => {
    const run = assign(SCORES, CAPACITIES, "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      assignments: [
        { coachee: "ana", coach: "lee", score: 8 },
        { coachee: "ben", coach: "lee", score: 2 },
        { coachee: "cas", coach: "kim", score: 6 },
      ],
      unassigned: [],
      totalScore: 16,
    });
  });

  it("reads quoted fields, a byte-order mark and CRLF line ends; an infeasible cohort lists who is left out", () => {
    const scores = '\uFEFFcoachee,coach,score\r\n"Ng, Ana",kim,9\r\nben,kim,7.5\r\n';
    const capacities = "coach,capacity\r\nkim,1\r\nlee,0\r\n";
    const run = assign(scores, capacities, "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      assignments: [{ coachee: "Ng, Ana", coach: "kim", score: 9 }],
      unassigned: [
        {
          coachee: "ben",
          reason: "every allowed coach (kim) is full with coachees who have no other allowed place",
        },
      ],
      totalScore: 9,
    });
    const readable = assign(scores, capacities);
    expect(readable.stdout).toContain("1 assigned, 1 unassigned; total score 9.");
  });

  it.each([
    [
      "a duplicate pair",
      `${SCORES}ana,kim,3\n`,
      CAPACITIES,
      /scores\.csv: line 7: the pair ana, kim appears twice/,
    ],
    [
      "a non-numeric score",
      SCORES.replace("ben,lee,2", "ben,lee,high"),
      CAPACITIES,
      /line 5: the score "high" is not a number/,
    ],
    ["an unknown coach", `${SCORES}ana,max,3\n`, CAPACITIES, /line 7: unknown coach "max"/],
    [
      "a negative capacity",
      SCORES,
      "coach,capacity\nkim,1\nlee,-2\n",
      /capacities\.csv: line 3: capacity must be a whole number ≥ 0 \(got "-2"\)/,
    ],
    [
      "a fractional capacity",
      SCORES,
      "coach,capacity\nkim,1.5\nlee,2\n",
      /capacities\.csv: line 2: capacity must be a whole number/,
    ],
    [
      "a wrong header",
      "coachee,mentor,score\nana,kim,1\n",
      CAPACITIES,
      /line 1: the header must be coachee,coach,score \(missing coach\)/,
    ],
  ])("exits 2 naming the line for %s", (_name, scores, capacities, message) => {
    const run = assign(scores, capacities);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
  });
});

describe("alliance match profiles", () => {
  const args = [
    "match",
    "profiles",
    "--coaches",
    path.join(FIXTURES, "coaches.csv"),
    "--coachees",
    path.join(FIXTURES, "coachees.csv"),
  ];

  it("scores from profiles and assigns, with the reasons for each pair and for each coachee left out", () => {
    const run = alliance([...args, "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      assignments: { coachee: string; coach: string; score: number; reasons: string[] }[];
      unassigned: { coachee: string; reason: string }[];
    };
    expect(out.assignments.map((a) => [a.coachee, a.coach])).toEqual([
      ["amara", "kim"],
      ["fay", "lee"],
    ]);
    expect(out.assignments[0]?.reasons).toContain("shares your industry: healthcare");
    expect(out.assignments[0]?.reasons).toContain("is the gender you asked for (woman)");
    const why = Object.fromEntries(out.unassigned.map((u) => [u.coachee, u.reason]));
    expect(why.carla).toContain("ros: same reporting line (Operations)");
    expect(why.dev).toContain("kim: worked together before");
    expect(why.dev).toContain("tom: tom is not taking new coachees");
    // Fay and Ben can both only work with Lee, who has one place: Fay's pair scores higher (100 against
    // 98.42: her profile gives no background, so fewer components apply).
    expect(why.ben).toBe("every allowed coach (lee) is full with coachees who have no other allowed place");
  });

  it("prints a coachee's shortlist, and takes weights and the time-zone limit", () => {
    const top = JSON.parse(alliance([...args, "--shortlist", "amara", "--json"]).stdout) as {
      shortlist: { coach: string }[];
    };
    expect(top.shortlist.map((e) => e.coach)).toEqual(["kim"]);
    // With a 6-hour limit Rosa (UTC−5) becomes possible for Amara (UTC+0).
    const wider = JSON.parse(
      alliance([...args, "--shortlist", "amara", "--max-gap", "6", "--json"]).stdout,
    ) as {
      shortlist: { coach: string }[];
    };
    expect(wider.shortlist.map((e) => e.coach)).toEqual(["kim", "ros"]);
    const bad = alliance([...args, "--weights", "age=10"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown component "age"/);
  });
});
