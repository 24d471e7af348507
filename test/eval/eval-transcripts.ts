// `npm run eval:transcripts`: the utterance coder against the hand-labelled evaluation set — per-code
// precision, recall and F1, the confusion matrix of the four coach classes and their macro-F1, on the
// tune set (rules may be adjusted against it) and the test set (never looked at while tuning; see
// docs/transcripts.md, "Accuracy", for which transcripts each holds and how often the test set was measured).

import {
  COACH_CODES,
  COACHEE_CODES,
  type CoachCode,
  coachClassOf,
  codeCoacheeTurn,
  codeCoachTurn,
} from "../../src/core/transcripts/coding.ts";
import { type Evaluation, evaluate } from "../../src/core/transcripts/evaluation.ts";
import { type LabelledTranscript, loadEvalSet } from "../support/eval-set.ts";

const CLASSES = ["question", "reflection", "input", "other"] as const;

interface Coded {
  readonly role: "coach" | "coachee";
  readonly truth: string;
  readonly coded: string;
}

/** Codes every turn with the other speaker's previous turn as context, as the analyser does. */
export function codeSet(transcripts: readonly LabelledTranscript[]): Coded[] {
  return transcripts.flatMap((transcript) => {
    const latest = new Map<string, string>();
    return transcript.turns.map((turn) => {
      let previous: string | null = null;
      for (const [speaker, text] of latest) if (speaker !== turn.speaker) previous = text;
      latest.delete(turn.speaker);
      latest.set(turn.speaker, turn.text);
      const coded =
        turn.role === "coach" ? codeCoachTurn(turn.text, previous) : codeCoacheeTurn(turn.text, previous);
      return { role: turn.role, truth: turn.primary, coded: coded.primary };
    });
  });
}

export function evaluateSplit(transcripts: readonly LabelledTranscript[]) {
  const coded = codeSet(transcripts);
  const coach = coded.filter((c) => c.role === "coach");
  const coachee = coded.filter((c) => c.role === "coachee");
  return {
    coachClasses: evaluate(
      CLASSES,
      coach.map((c) => [coachClassOf(c.truth as CoachCode), coachClassOf(c.coded as CoachCode)] as const),
    ),
    coachCodes: evaluate(
      COACH_CODES,
      coach.map((c) => [c.truth, c.coded] as const),
    ),
    coacheeCodes: evaluate(
      COACHEE_CODES,
      coachee.map((c) => [c.truth, c.coded] as const),
    ),
  };
}

function scoresTable(evaluation: Evaluation): string {
  const rows = evaluation.scores
    .filter((s) => s.support > 0)
    .map(
      (s) =>
        `| ${s.label} | ${s.support} | ${s.precision.toFixed(2)} | ${s.recall.toFixed(2)} | ${s.f1.toFixed(2)} |`,
    );
  return ["| code | n | precision | recall | F1 |", "|---|---|---|---|---|", ...rows].join("\n");
}

function matrixTable(evaluation: Evaluation): string {
  const header = `| hand ↓ / coded → | ${evaluation.labels.join(" | ")} |`;
  const line = `|---|${evaluation.labels.map(() => "---").join("|")}|`;
  const rows = evaluation.labels.map(
    (label, i) => `| ${label} | ${(evaluation.matrix[i] ?? []).join(" | ")} |`,
  );
  return [header, line, ...rows].join("\n");
}

function main(): void {
  const all = loadEvalSet();
  for (const split of ["tune", "test"] as const) {
    const transcripts = all.filter((t) => t.split === split);
    const result = evaluateSplit(transcripts);
    const coachN = result.coachClasses.n;
    const coacheeN = result.coacheeCodes.n;
    console.log(
      `\n## ${split} set: ${transcripts.length} transcripts, ${coachN} coach and ${coacheeN} coachee turns\n`,
    );
    console.log(
      `Coach, four classes: macro-F1 ${result.coachClasses.macroF1.toFixed(3)} (target ≥ 0.75), accuracy ${result.coachClasses.accuracy.toFixed(3)}\n`,
    );
    // Each letter of the file names is one set of writers (a, b: the first two; c, d, e: four independent
    // authors each): a rule that fits one writer's habits shows up as one group rising alone.
    const groups = [...new Set(transcripts.map((t) => t.file.charAt(0)))].map((letter) => {
      const group = evaluateSplit(transcripts.filter((t) => t.file.startsWith(letter))).coachClasses;
      return `${letter}: ${group.macroF1.toFixed(3)} (${group.n} turns)`;
    });
    console.log(`By file group: ${groups.join("; ")}\n`);
    console.log(scoresTable(result.coachClasses));
    console.log("");
    console.log(matrixTable(result.coachClasses));
    console.log(
      `\nCoach codes: macro-F1 ${result.coachCodes.macroF1.toFixed(3)}, accuracy ${result.coachCodes.accuracy.toFixed(3)}\n`,
    );
    console.log(scoresTable(result.coachCodes));
    console.log(
      `\nCoachee codes: macro-F1 ${result.coacheeCodes.macroF1.toFixed(3)}, accuracy ${result.coacheeCodes.accuracy.toFixed(3)}\n`,
    );
    console.log(scoresTable(result.coacheeCodes));
  }
}

if (import.meta.main) main();
