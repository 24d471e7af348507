// Timed cues shared by WebVTT and SRT: a timing line `start --> end`, then the cue's text lines, up to a
// blank line. Both formats name the speaker in the text (`<v Name>` in WebVTT, `Name: text` in either);
// a cue without a name continues with the previous cue's speaker.

import { err, ok, type Result } from "../../shared/result.ts";
import { clockSeconds, speakerPrefix, type TranscriptParseError, type Turn, tidy } from "../transcript.ts";

export interface Cue {
  readonly start: number;
  readonly end: number;
  /** The raw text lines of the cue, tags included. */
  readonly lines: readonly string[];
  /** 1-based line of the timing line. */
  readonly line: number;
}

const TIMING = /^\s*(\S+)\s+-->\s+(\S+)(?:\s.*)?$/;

/** Reads a `start --> end` line; an error names what is wrong with it. */
export function parseTiming(
  text: string,
  line: number,
): Result<{ start: number; end: number }, TranscriptParseError> {
  const match = TIMING.exec(text);
  if (!match) return err({ line, message: `Expected a timing line "start --> end", got "${text.trim()}".` });
  const start = clockSeconds(match[1] ?? "");
  const end = clockSeconds(match[2] ?? "");
  if (start === null) return err({ line, message: `"${match[1]}" is not a time like 00:01:02.500.` });
  if (end === null) return err({ line, message: `"${match[2]}" is not a time like 00:01:02.500.` });
  if (end < start) return err({ line, message: "The cue ends before it starts." });
  return ok({ start, end });
}

export function isTimingLine(text: string): boolean {
  return text.includes("-->");
}

/** Strips WebVTT/HTML-like tags (`<i>`, `<c.loud>`, `<00:01.000>`) and decodes the common entities. */
function stripTags(text: string): string {
  return text
    .replace(/<[^<>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

/**
 * Turns cues into turns: the speaker from a `<v Name>` voice tag or a `Name:` prefix, else the previous
 * cue's; empty cues are left out. A first cue without any speaker is an error.
 */
export function cuesToTurns(cues: readonly Cue[]): Result<Turn[], TranscriptParseError> {
  const turns: Turn[] = [];
  let speaker: string | null = null;
  for (const cue of cues) {
    const raw = cue.lines.join(" ");
    const voice = /<v(?:\.[^\s<>]*)?\s+([^<>]+)>/.exec(raw);
    let text = tidy(stripTags(raw));
    if (voice?.[1]) {
      speaker = tidy(voice[1]);
    } else {
      const prefixed = speakerPrefix(text);
      if (prefixed) {
        speaker = prefixed.speaker;
        text = tidy(prefixed.rest);
      }
    }
    if (text === "") continue;
    if (speaker === null) {
      return err({
        line: cue.line,
        message: 'This cue names no speaker: use a voice tag "<v Name>" or start the text with "Name:".',
      });
    }
    turns.push({ speaker, text, start: cue.start, end: cue.end, line: cue.line });
  }
  if (turns.length === 0) return err({ line: 1, message: "The file has no cues with speech." });
  return ok(turns);
}
