// WebVTT, as Zoom, Teams and Meet export it: `WEBVTT`, then cues of an optional id, a timing line and
// text with the speaker in a voice tag `<v Name>` or as `Name: text`. NOTE, STYLE and REGION blocks are
// skipped.

import { err, ok, type Result } from "../../shared/result.ts";
import { linesOf, type Transcript, type TranscriptParseError } from "../transcript.ts";
import { type Cue, cuesToTurns, isTimingLine, parseTiming } from "./cues.ts";

export function parseWebVtt(source: string): Result<Transcript, TranscriptParseError> {
  const lines = linesOf(source);
  // Blank lines before the header are tolerated, as detection tolerates them.
  let first = 0;
  while (first < lines.length && (lines[first] ?? "").trim() === "") first++;
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[first] ?? "")) {
    return err({ line: first + 1, message: 'A WebVTT file starts with the line "WEBVTT".' });
  }
  const cues: Cue[] = [];
  let i = first + 1;
  // The header runs to the first blank line.
  while (i < lines.length && (lines[i] ?? "").trim() !== "") i++;
  while (i < lines.length) {
    const current = lines[i] ?? "";
    if (current.trim() === "") {
      i++;
      continue;
    }
    const block: { text: string; line: number }[] = [];
    while (i < lines.length && (lines[i] ?? "").trim() !== "") {
      block.push({ text: lines[i] ?? "", line: i + 1 });
      i++;
    }
    const first = block[0];
    if (!first || /^(NOTE|STYLE|REGION)(\s|$)/.test(first.text)) continue;
    // An optional cue identifier comes before the timing line.
    const timingAt = isTimingLine(first.text) ? 0 : 1;
    const timing = block[timingAt];
    if (!timing || !isTimingLine(timing.text)) {
      return err({ line: first.line, message: `Expected a cue's timing line "start --> end" here.` });
    }
    const times = parseTiming(timing.text, timing.line);
    if (!times.ok) return times;
    cues.push({ ...times.value, lines: block.slice(timingAt + 1).map((l) => l.text), line: timing.line });
  }
  const turns = cuesToTurns(cues);
  return turns.ok ? ok({ format: "vtt", turns: turns.value, endsGiven: true }) : turns;
}
