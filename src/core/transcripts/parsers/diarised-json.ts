// Diarised JSON from speech-to-text services: Whisper-style `{segments:[{start, end, text, speaker}]}`
// (seconds; WhisperX adds the speaker), AssemblyAI-style `{utterances:[{speaker, start, end, text}]}`
// (milliseconds), Deepgram-style `{results:{utterances:[{speaker, start, end, transcript}]}}` (seconds),
// or a bare array of segments.

import { err, ok, type Result } from "../../shared/result.ts";
import type { Transcript, TranscriptParseError, Turn } from "../transcript.ts";
import { tidy } from "../transcript.ts";

type Shape = {
  readonly path: string;
  readonly items: unknown[];
  /** The unit of `start` and `end`: seconds, or milliseconds (AssemblyAI). */
  readonly unit: "s" | "ms";
  readonly textKey: string;
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shapeOf(json: unknown): Shape | null {
  if (Array.isArray(json)) return { path: "", items: json, unit: "s", textKey: "text" };
  if (!isObject(json)) return null;
  if (Array.isArray(json.segments))
    return { path: "segments", items: json.segments, unit: "s", textKey: "text" };
  if (Array.isArray(json.utterances))
    return { path: "utterances", items: json.utterances, unit: "ms", textKey: "text" };
  const results = json.results;
  if (isObject(results) && Array.isArray(results.utterances)) {
    return { path: "results.utterances", items: results.utterances, unit: "s", textKey: "transcript" };
  }
  return null;
}

/** The line a JSON.parse error points at, from its message's position or line. */
function lineOfSyntaxError(source: string, message: string): number {
  const byLine = /line (\d+)/.exec(message);
  if (byLine) return Number(byLine[1]);
  const byPosition = /position (\d+)/.exec(message);
  if (!byPosition) return 1;
  return source.slice(0, Number(byPosition[1])).split(/\r\n|\r|\n/).length;
}

export function parseDiarisedJson(source: string): Result<Transcript, TranscriptParseError> {
  let json: unknown;
  try {
    json = JSON.parse(source.replace(/^\uFEFF/, ""));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return err({ line: lineOfSyntaxError(source, message), message: `Not valid JSON: ${message}` });
  }
  const shape = shapeOf(json);
  if (!shape) {
    return err({
      line: 1,
      message:
        'Expected diarised JSON: "segments", "utterances" or "results.utterances", each with a speaker and text.',
    });
  }
  const turns: Turn[] = [];
  let speaker: string | null = null;
  for (const [index, item] of shape.items.entries()) {
    const where = `${shape.path}[${index}]`;
    if (!isObject(item)) return err({ line: 1, message: `${where} is not an object.` });
    const rawSpeaker = item.speaker;
    // A segment without a speaker (WhisperX leaves some out) continues the previous speaker.
    if (typeof rawSpeaker === "string" || typeof rawSpeaker === "number") {
      speaker = typeof rawSpeaker === "number" ? `Speaker ${rawSpeaker}` : tidy(rawSpeaker);
      if (speaker === "") return err({ line: 1, message: `${where} has an empty speaker.` });
    } else if (rawSpeaker !== undefined && rawSpeaker !== null) {
      return err({ line: 1, message: `${where}.speaker is neither text nor a number.` });
    }
    const rawText = item[shape.textKey];
    // A segment without text (null or missing) holds no speech: skipped.
    if (rawText === null || rawText === undefined) continue;
    if (typeof rawText !== "string")
      return err({ line: 1, message: `${where}.${shape.textKey} is not text.` });
    const start = seconds(item.start, shape.unit);
    const end = seconds(item.end, shape.unit);
    if (start === undefined) return err({ line: 1, message: `${where}.start is not a time.` });
    if (end === undefined) return err({ line: 1, message: `${where}.end is not a time.` });
    if (start !== null && end !== null && end < start) {
      return err({ line: 1, message: `${where} ends before it starts.` });
    }
    const text = tidy(rawText);
    if (text === "") continue;
    if (speaker === null)
      return err({ line: 1, message: `${where} has no speaker (diarisation is needed).` });
    turns.push({ speaker, text, start, end, line: 1 });
  }
  if (turns.length === 0) return err({ line: 1, message: "The JSON holds no speech." });
  return ok({ format: "json", turns, endsGiven: turns.every((turn) => turn.end !== null) });
}

/** A non-negative time in `unit` as seconds; null when absent; undefined when not a time. */
function seconds(value: unknown, unit: "s" | "ms"): number | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return undefined;
  // Divide milliseconds rather than multiply by 0.001, so 3300 ms is exactly 3.3 s.
  return unit === "ms" ? value / 1000 : value;
}
