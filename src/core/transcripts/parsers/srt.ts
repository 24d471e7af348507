// SubRip (SRT): numbered cues — an index line, a timing line `00:00:01,000 --> 00:00:04,000`, text lines,
// a blank line. The speaker comes from `Name: text` (or a voice tag), else continues from the cue before.

import { err, ok, type Result } from "../../shared/result.ts";
import { linesOf, type Transcript, type TranscriptParseError } from "../transcript.ts";
import { type Cue, cuesToTurns, isTimingLine, parseTiming } from "./cues.ts";

export function parseSrt(source: string): Result<Transcript, TranscriptParseError> {
  const lines = linesOf(source);
  const cues: Cue[] = [];
  let i = 0;
  while (i < lines.length) {
    if ((lines[i] ?? "").trim() === "") {
      i++;
      continue;
    }
    const start = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] ?? "").trim() !== "") {
      const line = lines[i] ?? "";
      // A second timing line inside a block means the blank line between two cues is missing: the cue
      // ends before it (and before its index line, if there is one).
      const timings = block.filter(isTimingLine).length;
      if (isTimingLine(line) && timings > 0) {
        const indexLine = /^\s*\d+\s*$/.test(block.at(-1) ?? "") ? 1 : 0;
        i -= indexLine;
        block.splice(block.length - indexLine, indexLine);
        break;
      }
      block.push(line);
      i++;
    }
    // The index line is optional in the wild; the timing line is not.
    const timingAt = /^\s*\d+\s*$/.test(block[0] ?? "") ? 1 : 0;
    const timing = block[timingAt];
    if (timing === undefined || !isTimingLine(timing)) {
      return err({
        line: start + 1 + Math.min(timingAt, block.length - 1),
        message: 'Expected an SRT cue: a number, then a timing line "00:00:01,000 --> 00:00:04,000".',
      });
    }
    const times = parseTiming(timing, start + timingAt + 1);
    if (!times.ok) return times;
    cues.push({ ...times.value, lines: block.slice(timingAt + 1), line: start + timingAt + 1 });
  }
  if (cues.length === 0) return err({ line: 1, message: "The file has no cues." });
  const turns = cuesToTurns(cues);
  return turns.ok ? ok({ format: "srt", turns: turns.value, endsGiven: true }) : turns;
}
