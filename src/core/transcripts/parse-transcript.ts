// Reads a transcript in any supported format: the format given, or the one detected from the text.

import { err, type Result } from "../shared/result.ts";
import { parseDiarisedJson } from "./parsers/diarised-json.ts";
import { otterHeader, parseOtter, startsBlock } from "./parsers/otter.ts";
import { parsePlainText } from "./parsers/plain-text.ts";
import { parseSrt } from "./parsers/srt.ts";
import { parseWebVtt } from "./parsers/webvtt.ts";
import {
  linesOf,
  speakerPrefix,
  type Transcript,
  type TranscriptFormat,
  type TranscriptParseError,
} from "./transcript.ts";

/**
 * The format of a transcript from its first lines: `WEBVTT` → vtt; a number then a `-->` timing line (or
 * a timing line first) → srt; `{`, or `[` followed by `{` or `]` → json; a line that is a name and a time
 * (`Maya Okafor  0:00`) among the first ten, before any `Name:` line → otter; anything else → plain.
 */
export function detectFormat(source: string): TranscriptFormat {
  const text = source.replace(/^\uFEFF/, "").trimStart();
  if (/^WEBVTT(\s|$)/.test(text)) return "vtt";
  if (text.startsWith("{") || /^\[\s*[{\]]/.test(text)) return "json";
  const lines = linesOf(text).filter((line) => line.trim() !== "");
  const [first = "", second = ""] = lines;
  if ((/^\d+$/.test(first.trim()) && second.includes("-->")) || /^\S+\s+-->\s+\S+/.test(first)) return "srt";
  // Otter puts a title and a note above the first header, so look a little way in: two block-opening
  // "Name  0:00" headers before any "Name:" line mean Otter (one, when there is no "Name:" line at all).
  const all = linesOf(text).slice(0, 80);
  let headers = 0;
  for (const [i, line] of all.entries()) {
    if (line.trim() === "") continue;
    if (speakerPrefix(line)) return "plain";
    if (startsBlock(all, i) && otterHeader(line)) headers++;
    if (headers >= 2) return "otter";
  }
  return headers === 1 ? "otter" : "plain";
}

/** Parses `source` as `format`, or as the detected format; a parse error names the line. */
export function parseTranscript(
  source: string,
  format: TranscriptFormat = detectFormat(source),
): Result<Transcript, TranscriptParseError> {
  if (source.replace(/^\uFEFF/, "").trim() === "")
    return err({ line: 1, message: "The transcript is empty." });
  switch (format) {
    case "vtt":
      return parseWebVtt(source);
    case "srt":
      return parseSrt(source);
    case "json":
      return parseDiarisedJson(source);
    case "otter":
      return parseOtter(source);
    case "plain":
      return parsePlainText(source);
  }
}
