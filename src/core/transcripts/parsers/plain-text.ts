// Plain text: `Name: text` turns. A line starting with `Name:` always starts a new turn; other lines
// continue the turn before; blank lines are ignored. A line may start with a time in brackets,
// `[00:01:02] Name: text`, which becomes the turn's start.

import { err, ok, type Result } from "../../shared/result.ts";
import {
  clockSeconds,
  linesOf,
  speakerPrefix,
  type Transcript,
  type TranscriptParseError,
  type Turn,
  tidy,
} from "../transcript.ts";

const BRACKETED_TIME = /^\s*[[(](\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?)[\])]\s*/;

/** Lines without a speaker that may stand above the first turn, as a title. */
const MAX_TITLE_LINES = 3;

export function parsePlainText(source: string): Result<Transcript, TranscriptParseError> {
  let titleLines = 0;
  const turns: { speaker: string; parts: string[]; start: number | null; line: number }[] = [];
  const lines = linesOf(source);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? "";
    if (line.trim() === "") continue;
    const time = BRACKETED_TIME.exec(line);
    const start = time ? clockSeconds(time[1] ?? "") : null;
    if (time) line = line.slice(time[0].length);
    const prefixed = speakerPrefix(line);
    if (prefixed) {
      turns.push({ speaker: prefixed.speaker, parts: [prefixed.rest], start, line: i + 1 });
      continue;
    }
    const current = turns.at(-1);
    // Up to three title lines above the first turn ("Coaching session, 4 May") are skipped.
    if (!current && ++titleLines <= MAX_TITLE_LINES) continue;
    if (!current) {
      return err({
        line: i + 1,
        message: 'The first line of speech names no speaker: start it with "Name:", e.g. "Maya: Hello".',
      });
    }
    current.parts.push(line);
  }
  const result = blocksToTurns(turns);
  if (result.length === 0) return err({ line: 1, message: 'No turns found: each turn starts with "Name:".' });
  return ok({ format: "plain", turns: result, endsGiven: false });
}

/** A speaker's block of lines as gathered by a text parser. */
export interface TextBlock {
  readonly speaker: string;
  readonly parts: readonly string[];
  readonly start: number | null;
  readonly line: number;
}

/** Text blocks as turns: lines joined and tidied, empty blocks left out, ends from the next start. */
export function blocksToTurns(blocks: readonly TextBlock[]): Turn[] {
  const turns: Turn[] = blocks
    .map((b) => ({
      speaker: b.speaker,
      text: tidy(b.parts.join(" ")),
      start: b.start,
      end: null,
      line: b.line,
    }))
    .filter((t) => t.text !== "");
  return withEnds(turns);
}

/** Where turns carry starts only, each ends where the next begins (the last stays open). */
export function withEnds(turns: readonly Turn[]): Turn[] {
  return turns.map((turn, i) => {
    const next = turns[i + 1];
    return turn.start !== null && turn.end === null && next?.start != null && next.start >= turn.start
      ? { ...turn, end: next.start }
      : turn;
  });
}
