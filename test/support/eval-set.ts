// The hand-labelled transcript evaluation set (test/fixtures/transcripts/eval; docs/transcript-labelling-guide.md).

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface LabelledTurn {
  readonly speaker: string;
  readonly role: "coach" | "coachee";
  readonly text: string;
  readonly primary: string;
  readonly codes: readonly string[];
}

export interface LabelledTranscript {
  readonly file: string;
  readonly title: string;
  readonly style: string;
  readonly split: "tune" | "test";
  readonly source: string;
  readonly turns: readonly LabelledTurn[];
}

export const EVAL_DIR = path.join(import.meta.dirname, "..", "fixtures", "transcripts", "eval");

export function loadEvalSet(): LabelledTranscript[] {
  return readdirSync(EVAL_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({
      file: name,
      ...(JSON.parse(readFileSync(path.join(EVAL_DIR, name), "utf8")) as Omit<LabelledTranscript, "file">),
    }));
}
