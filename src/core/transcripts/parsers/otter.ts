// Otter-style text exports: a header line with the speaker's name and a time (`Maya Okafor  0:05`), then
// the turn's text on the following lines, up to the next header.

import { err, ok, type Result } from "../../shared/result.ts";
import {
  clockSeconds,
  linesOf,
  speakerPrefix,
  type Transcript,
  type TranscriptParseError,
  tidy,
} from "../transcript.ts";
import { blocksToTurns } from "./plain-text.ts";

const HEADER = /^\s*([^\s:][^:]{0,59}?)\s+(\d{1,2}:\d{2}(?::\d{2})?)\s*$/;

/** The speaker and start of an Otter header line, or null when the line is not one. */
export function otterHeader(line: string): { speaker: string; start: number } | null {
  if (speakerPrefix(line)) return null;
  const match = HEADER.exec(line);
  if (!match) return null;
  const start = clockSeconds(match[2] ?? "");
  return start === null ? null : { speaker: tidy(match[1] ?? ""), start };
}

/** Whether line `i` starts a block: the first line with text, or one after a blank line. */
export function startsBlock(lines: readonly string[], i: number): boolean {
  return i === 0 || (lines[i - 1] ?? "").trim() === "" || lines.slice(0, i).every((l) => l.trim() === "");
}

export function parseOtter(source: string): Result<Transcript, TranscriptParseError> {
  const turns: { speaker: string; start: number; parts: string[]; line: number }[] = [];
  const lines = linesOf(source);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") continue;
    // A header opens a block: it is the first line or follows a blank line. Speech that happens to end
    // in a time ("I have a meeting at 3:30") stays speech.
    const header = startsBlock(lines, i) ? otterHeader(line) : null;
    if (header) {
      turns.push({ ...header, parts: [], line: i + 1 });
      continue;
    }
    const current = turns.at(-1);
    // Otter puts a transcript title and a note about its source above the first header: skipped.
    if (!current) continue;
    current.parts.push(line);
  }
  const result = blocksToTurns(turns);
  if (result.length === 0) {
    return err({ line: 1, message: 'No turns found: each turn starts with a line "Name  0:00".' });
  }
  return ok({ format: "otter", turns: result, endsGiven: false });
}
