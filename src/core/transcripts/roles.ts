// Which speaker is the coach: named by the caller (`--coach`, or the engagement), else guessed — the
// speaker who asks the most questions per turn and talks least — with a warning saying so.

import { err, ok, type Result } from "../shared/result.ts";
import { wordCount } from "./text.ts";
import type { Turn } from "./transcript.ts";

export type Role = "coach" | "coachee";

export interface Roles {
  /** Every speaker's role; a transcript with more than two speakers has one coach and coachees. */
  readonly bySpeaker: ReadonlyMap<string, Role>;
  readonly coach: string;
  readonly warnings: readonly string[];
}

/** The speakers in the order they first speak. */
export function speakersOf(turns: readonly Turn[]): string[] {
  return [...new Set(turns.map((turn) => turn.speaker))];
}

function rolesWith(speakers: readonly string[], coach: string, warnings: string[]): Roles {
  return {
    bySpeaker: new Map(speakers.map((speaker) => [speaker, speaker === coach ? "coach" : "coachee"])),
    coach,
    warnings,
  };
}

/**
 * Assigns roles. With `coach`, that speaker (matched case-insensitively, or by first name when that is
 * unique) is the coach; an unknown name is an error listing the speakers. Without it, the guess.
 */
export function assignRoles(turns: readonly Turn[], coach?: string): Result<Roles, string> {
  const speakers = speakersOf(turns);
  const warnings: string[] = [];
  if (speakers.length > 2) {
    warnings.push(`${speakers.length} speakers: one is taken as the coach, the others as coachees.`);
  }
  if (coach !== undefined) {
    const wanted = coach.trim().toLowerCase();
    const exact = speakers.filter((s) => s.toLowerCase() === wanted);
    const byFirstName = speakers.filter((s) => s.toLowerCase().split(/\s+/)[0] === wanted);
    const found = exact[0] ?? (byFirstName.length === 1 ? byFirstName[0] : undefined);
    if (found === undefined) {
      return err(`No speaker is named "${coach}"; the speakers are: ${speakers.join(", ")}.`);
    }
    return ok(rolesWith(speakers, found, warnings));
  }
  if (speakers.length === 1) {
    const only = speakers[0] ?? "";
    warnings.push(`Only one speaker (${only}); taken as the coach.`);
    return ok(rolesWith(speakers, only, warnings));
  }
  const counts = turns.map((turn) => wordCount(turn.text));
  const totalWords = counts.reduce((sum, n) => sum + n, 0) || 1;
  const scored = speakers.map((speaker) => {
    const own = turns.filter((turn) => turn.speaker === speaker);
    const questions = own.filter((turn) => turn.text.trim().endsWith("?")).length;
    const words = turns.reduce((sum, turn, i) => sum + (turn.speaker === speaker ? (counts[i] ?? 0) : 0), 0);
    return { speaker, questions, turns: own.length, score: questions / own.length - words / totalWords };
  });
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  warnings.push(
    `Roles guessed: ${best.speaker} is taken as the coach (asked ${best.questions} questions in ${best.turns} turns, ` +
      "and talked least for it). Name the coach (--coach on the command line) to be sure.",
  );
  return ok(rolesWith(speakers, best.speaker, warnings));
}
