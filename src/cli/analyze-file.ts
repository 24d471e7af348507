// One transcript file through the analyser, as the `analyze` command and its worker threads run it.

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
