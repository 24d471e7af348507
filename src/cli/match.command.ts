// `alliance match assign` (scores and capacities from CSV) and `alliance match profiles` (coach and
// coachee profiles from CSV): the cohort's optimal assignment, offline, with the reason for every pair
// and for every coachee left out.

import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { type AssignmentResult, assignCohort } from "../core/matching/assignment.ts";
import {
  type CoacheeProfile,
  type CoachProfile,
  DEFAULT_MATCH_SETTINGS,
  type MatchComponent,
  type MatchSettings,
  type PairScore,
  scorePair,
  shortlist,
} from "../core/matching/match-score.ts";
import {
  coacheesFromRows,
  coachesFromRows,
  ProfileError,
  type ProfileRow,
} from "../core/matching/profile-import.ts";
import { csvRows } from "../server/matching/profile-csv.ts";
import { InputError } from "./instruments.command.ts";

/** Reads a CSV file with a header into rows with their line numbers (quoted fields, BOM and CRLF allowed). */
export function readCsv(file: string): ProfileRow[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  return fromProfiles(file, () => csvRows(text));
}

function requireColumns(file: string, rows: readonly ProfileRow[], columns: readonly string[]): void {
  const first = rows[0];
  if (!first) throw new InputError(`${file}: line 1: the file has no rows (header: ${columns.join(",")})`);
  const missing = columns.filter((column) => !Object.hasOwn(first.cells, column));
  if (missing.length > 0) {
    throw new InputError(
      `${file}: line 1: the header must be ${columns.join(",")} (missing ${missing.join(", ")})`,
    );
  }
}

/** capacities.csv → coach id → capacity; every problem names its line. */
export function readCapacities(file: string): Map<string, number> {
  const rows = readCsv(file);
  requireColumns(file, rows, ["coach", "capacity"]);
  const capacities = new Map<string, number>();
  for (const row of rows) {
    const coach = row.cells.coach?.trim() ?? "";
    const text = row.cells.capacity?.trim() ?? "";
    if (coach === "") throw new InputError(`${file}: line ${row.line}: the coach is empty`);
    if (capacities.has(coach))
      throw new InputError(`${file}: line ${row.line}: coach "${coach}" appears twice`);
    if (!/^\d+$/.test(text)) {
      throw new InputError(`${file}: line ${row.line}: capacity must be a whole number ≥ 0 (got "${text}")`);
    }
    capacities.set(coach, Number(text));
  }
  return capacities;
}

/** scores.csv → coachees (in order of first appearance) and the pairs' scores; a pair not listed is not allowed. */
export function readScores(file: string, coaches: ReadonlySet<string>) {
  const rows = readCsv(file);
  requireColumns(file, rows, ["coachee", "coach", "score"]);
  const scores = new Map<string, number>();
  const coachees: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const coachee = row.cells.coachee?.trim() ?? "";
    const coach = row.cells.coach?.trim() ?? "";
    const text = row.cells.score?.trim() ?? "";
    if (coachee === "") throw new InputError(`${file}: line ${row.line}: the coachee is empty`);
    if (!coaches.has(coach)) {
      throw new InputError(
        `${file}: line ${row.line}: unknown coach "${coach}" (not in the capacities file)`,
      );
    }
    const score = text === "" ? Number.NaN : Number(text);
    if (!Number.isFinite(score))
      throw new InputError(`${file}: line ${row.line}: the score "${text}" is not a number`);
    const key = `${coachee}\u0000${coach}`;
    if (scores.has(key)) {
      throw new InputError(`${file}: line ${row.line}: the pair ${coachee}, ${coach} appears twice`);
    }
    scores.set(key, score);
    if (!seen.has(coachee)) {
      seen.add(coachee);
      coachees.push(coachee);
    }
  }
  return { coachees, score: (coachee: string, coach: string) => scores.get(`${coachee}\u0000${coach}`) };
}

/** `--weights themes=40,gender=0` over the defaults. */
export function parseWeights(text: string | undefined): MatchSettings["weights"] {
  const weights: Record<MatchComponent, number> = { ...DEFAULT_MATCH_SETTINGS.weights };
  for (const part of (text ?? "").split(",").filter((p) => p.trim() !== "")) {
    const [name = "", value = ""] = part.split("=").map((s) => s.trim());
    if (!Object.hasOwn(weights, name)) {
      throw new InputError(
        `--weights: unknown component "${name}" (known: ${Object.keys(weights).join(", ")})`,
      );
    }
    const weight = Number(value);
    if (value === "" || !Number.isFinite(weight) || weight < 0) {
      throw new InputError(`--weights: ${name} must be a number ≥ 0 (got "${value}")`);
    }
    weights[name as MatchComponent] = weight;
  }
  return weights;
}

function printAssignment(
  result: AssignmentResult,
  reasonsOf?: (coachee: string, coach: string) => string[],
): void {
  const width = Math.max(7, ...result.assignments.map((a) => a.coachee.length));
  for (const a of result.assignments) {
    console.log(`${a.coachee.padEnd(width)}  → ${a.coach}  (score ${a.score})`);
    for (const reason of reasonsOf?.(a.coachee, a.coach) ?? [])
      console.log(`${" ".repeat(width)}      ${reason}`);
  }
  for (const u of result.unassigned) console.log(`${u.coachee.padEnd(width)}  unassigned: ${u.reason}`);
  console.log(
    `\n${result.assignments.length} assigned, ${result.unassigned.length} unassigned; total score ${round(result.totalScore)}.`,
  );
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** The optimal assignment from profiles, with each pair's reasons and a precise reason for each left out. */
export function assignProfiles(
  coachees: readonly CoacheeProfile[],
  coaches: readonly CoachProfile[],
  settings: MatchSettings,
) {
  const pairs = new Map<string, PairScore>();
  for (const coachee of coachees) {
    for (const coach of coaches)
      pairs.set(`${coachee.id}\u0000${coach.id}`, scorePair(coachee, coach, settings));
  }
  const pair = (coachee: string, coach: string) => pairs.get(`${coachee}\u0000${coach}`);
  const result = assignCohort({
    coachees: coachees.map((c) => c.id),
    coaches: coaches.map((c) => ({ id: c.id, capacity: c.capacity })),
    score: (coachee, coach) => {
      const scored = pair(coachee, coach);
      return scored?.allowed ? scored.score : undefined;
    },
  });
  const reasonsOf = (coachee: string, coach: string) => {
    const scored = pair(coachee, coach);
    return scored?.allowed ? scored.components.map((c) => c.reason) : [];
  };
  const unassigned = result.unassigned.map((u) => {
    const blocked = coaches.flatMap((coach) => {
      const scored = pair(u.coachee, coach.id);
      return scored && !scored.allowed ? [`${coach.id}: ${scored.reasons.join("; ")}`] : [];
    });
    return blocked.length === coaches.length && coaches.length > 0
      ? { coachee: u.coachee, reason: `no coach is allowed — ${blocked.join(" | ")}` }
      : u;
  });
  return {
    result: { ...result, unassigned },
    reasonsOf,
  };
}

export function registerMatchCommands(cli: Command): void {
  const match = cli
    .command("match")
    .description("Match coachees with coaches: the whole cohort at once, exactly");
  match
    .command("assign")
    .description("Assign coachees to coaches from a table of pair scores and the coaches' capacities")
    .requiredOption(
      "--scores <file>",
      "CSV with header coachee,coach,score (a pair not listed is not allowed)",
    )
    .requiredOption("--capacities <file>", "CSV with header coach,capacity")
    .option("--json", "print {assignments, unassigned, totalScore} as JSON")
    .action((options: { scores: string; capacities: string; json?: boolean }) => {
      const capacities = readCapacities(options.capacities);
      const { coachees, score } = readScores(options.scores, new Set(capacities.keys()));
      const result = assignCohort({
        coachees,
        coaches: [...capacities].map(([id, capacity]) => ({ id, capacity })),
        score,
      });
      if (options.json) console.log(JSON.stringify({ ...result, totalScore: round(result.totalScore) }));
      else printAssignment(result);
    });
  match
    .command("profiles")
    .description("Score every pair from coach and coachee profiles (columns: docs/matching.md) and assign")
    .requiredOption("--coaches <file>", "CSV of coach profiles")
    .requiredOption("--coachees <file>", "CSV of coachee profiles")
    .option("--weights <list>", "component weights over the defaults, e.g. themes=40,gender=0")
    .option(
      "--max-gap <hours>",
      "largest time-zone gap allowed",
      String(DEFAULT_MATCH_SETTINGS.maxTimeZoneGapHours),
    )
    .option("--shortlist <coachee>", "print this coachee's top 3 coaches with reasons instead")
    .option("--json", "print as JSON")
    .action(
      (options: {
        coaches: string;
        coachees: string;
        weights?: string;
        maxGap: string;
        shortlist?: string;
        json?: boolean;
      }) => {
        const maxGap = Number(options.maxGap);
        if (!Number.isFinite(maxGap) || maxGap < 0) {
          throw new InputError(`--max-gap must be a number of hours ≥ 0 (got "${options.maxGap}")`);
        }
        const settings: MatchSettings = {
          weights: parseWeights(options.weights),
          maxTimeZoneGapHours: maxGap,
        };
        const coaches = fromProfiles(options.coaches, () => coachesFromRows(readCsv(options.coaches)));
        const coachees = fromProfiles(options.coachees, () => coacheesFromRows(readCsv(options.coachees)));
        if (options.shortlist !== undefined) {
          const coachee = coachees.find((c) => c.id === options.shortlist);
          if (!coachee)
            throw new InputError(`--shortlist: no coachee "${options.shortlist}" in ${options.coachees}`);
          const top = shortlist(coachee, coaches, settings).map((entry) => ({
            coach: entry.coach.id,
            score: entry.score,
            reasons: entry.components.map((c) => c.reason),
          }));
          if (options.json) console.log(JSON.stringify({ coachee: coachee.id, shortlist: top }));
          else
            for (const entry of top) {
              console.log(`${entry.coach}  (score ${entry.score})`);
              for (const reason of entry.reasons) console.log(`    ${reason}`);
            }
          return;
        }
        const { result, reasonsOf } = assignProfiles(coachees, coaches, settings);
        if (options.json) {
          console.log(
            JSON.stringify({
              assignments: result.assignments.map((a) => ({ ...a, reasons: reasonsOf(a.coachee, a.coach) })),
              unassigned: result.unassigned,
              totalScore: round(result.totalScore),
            }),
          );
        } else printAssignment(result, reasonsOf);
      },
    );
}

function fromProfiles<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ProfileError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}
