// One transcript file through the analyser, as the `analyze` command and its worker threads run it, with
// the texts the command prints or writes for it.

import { readFileSync } from "node:fs";
import { type Analysis, analyzeTranscript } from "../core/transcripts/analyze.ts";
import { parseTranscript } from "../core/transcripts/parse-transcript.ts";
import type { TranscriptFormat } from "../core/transcripts/transcript.ts";

export interface AnalyzeOptions {
  readonly coach?: string;
  readonly format?: TranscriptFormat;
}

/** The analysis of a file as the CLI prints it, or why it could not be read (line 0: not a parse error). */
export type FileOutcome =
  | ({ readonly file: string } & Analysis)
  | { readonly file: string; readonly error: { readonly line: number; readonly message: string } };

export function analyzeFile(file: string, options: AnalyzeOptions): FileOutcome {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return { file, error: { line: 0, message: `cannot read the file (${code})` } };
  }
  const parsed = parseTranscript(source, options.format);
  if (!parsed.ok) return { file, error: parsed.error };
  const analysed = analyzeTranscript(parsed.value, options.coach);
  if (!analysed.ok) return { file, error: { line: 0, message: analysed.error } };
  return { file, ...analysed.value };
}

/** What the command prints or writes for one file; made where the file is analysed (a worker or this thread). */
export interface AnalyzedFile {
  /**
   * What the command prints for the file, ending in a newline: its JSON line, or its readable report
   * (nothing for a file that failed in a readable run: failures are reported once, on stderr).
   */
  readonly line: string;
  /** Why the file could not be analysed ("FILE, line N: message"), or null. */
  readonly failure: string | null;
  /** The outcome as indented JSON (for `--out`), when asked for. */
  readonly pretty: string | null;
}

/** The same as UTF-8 bytes, as they cross from a worker thread (moved, not copied) and go to stdout. */
export interface EncodedFile {
  readonly line: Uint8Array;
  readonly failure: string | null;
  readonly pretty: Uint8Array | null;
}

/** Which texts to make: the readable report instead of the JSON line; the indented JSON for `--out`. */
export interface Renderings {
  readonly readable: boolean;
  readonly pretty: boolean;
}

/** What a worker thread of the command is started with. */
export interface WorkerSetup {
  readonly options: AnalyzeOptions;
  readonly renderings: Renderings;
}

export function renderFile(file: string, options: AnalyzeOptions, renderings: Renderings): AnalyzedFile {
  const outcome = analyzeFile(file, options);
  const failed = "error" in outcome;
  let line = "";
  if (!renderings.readable) line = `${JSON.stringify(outcome)}\n`;
  else if (!failed) line = `${report(outcome)}\n`;
  return {
    line,
    failure: failed
      ? `${outcome.file}${outcome.error.line > 0 ? `, line ${outcome.error.line}` : ""}: ${outcome.error.message}`
      : null,
    pretty: renderings.pretty && !failed ? `${JSON.stringify(outcome, null, 2)}\n` : null,
  };
}

const utf8 = new TextEncoder();

export function encodeFile(file: AnalyzedFile): EncodedFile {
  return {
    line: utf8.encode(file.line),
    failure: file.failure,
    pretty: file.pretty === null ? null : utf8.encode(file.pretty),
  };
}

const pct = (share: number) => `${Math.round(share * 100)} %`;

/** A readable report of one file's analysis. */
export function report(outcome: { readonly file: string } & Analysis): string {
  const m = outcome.metrics;
  const lines = [`${outcome.file} (${outcome.format}, ${outcome.utterances.length} turns)`];
  for (const warning of outcome.warnings) lines.push(`  ! ${warning}`);
  for (const s of outcome.speakers) {
    lines.push(
      `  ${s.role.padEnd(7)} ${s.name}: ${s.words} words, ${s.turns} turns, talk share ${pct(s.talkShare)}, ` +
        `${s.questions} questions (${s.openQuestions} open, ${s.closedQuestions} closed), longest monologue ${s.longestMonologue.words} words`,
    );
  }
  lines.push(
    `  reflections per question ${m.reflectionToQuestionRatio ?? "–"} (MITI: ${m.miti.reflectionToQuestion ?? "–"}); ` +
      `complex reflections ${m.percentComplexReflections ?? "–"} % (MITI: ${m.miti.complexReflections ?? "–"})`,
  );
  lines.push(
    `  coachee's words ${pct(m.coacheeShareOfWords)}; coachee's talk: past ${pct(m.coacheeTemporalFocus.past)}, ` +
      `present ${pct(m.coacheeTemporalFocus.present)}, future ${pct(m.coacheeTemporalFocus.future)}`,
  );
  if (m.timed) {
    lines.push(
      `  ${m.interactivity ?? "–"} speaker switches a minute; coach's median pause ${m.coachMedianPauseSeconds ?? "–"} s; ` +
        `${m.interruptions} interruptions`,
    );
  }
  const c = outcome.circumplex;
  lines.push(
    `  circumplex: coach ${c.coach.octant} (dominance ${c.coach.dominance}, friendliness ${c.coach.friendliness}); ` +
      `coachee ${c.coachee.octant}`,
  );
  lines.push(
    `  friendliness reciprocated: Q ${outcome.sequences.reciprocityOfFriendliness ?? "–"}; ` +
      `dominance complemented: ${outcome.sequences.complementarityOfDominance ?? "–"}`,
  );
  for (const flag of outcome.flags) lines.push(`  • turn ${flag.index + 1}: ${flag.message}`);
  return lines.join("\n");
}
