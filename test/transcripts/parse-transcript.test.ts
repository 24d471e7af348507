// The transcript parsers on files as the tools that make them write them (test/fixtures/transcripts).

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat, parseTranscript } from "../../src/core/transcripts/parse-transcript.ts";
import type { Transcript } from "../../src/core/transcripts/transcript.ts";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "transcripts");
const read = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

function parsed(name: string): Transcript {
  const result = parseTranscript(read(name));
  if (!result.ok) throw new Error(`${name}: line ${result.error.line}: ${result.error.message}`);
  return result.value;
}

const brief = (t: Transcript) => t.turns.map((turn) => [turn.speaker, turn.text, turn.start, turn.end]);

describe("transcript formats", () => {
  it("detects each format from its first lines", () => {
    expect(detectFormat(read("zoom.vtt"))).toBe("vtt");
    expect(detectFormat(read("teams.vtt"))).toBe("vtt");
    expect(detectFormat(read("session.srt"))).toBe("srt");
    expect(detectFormat(read("session.txt"))).toBe("plain");
    expect(detectFormat(read("otter.txt"))).toBe("otter");
    expect(detectFormat(read("whisperx.json"))).toBe("json");
    expect(detectFormat("Maya Okafor  0:00\nHello.\n")).toBe("otter");
    expect(detectFormat("[00:01] Maya: Hi\n")).toBe("plain");
  });

  it("reads Zoom's WebVTT: 'Name: text' cues, a cue without a name continues the speaker", () => {
    const t = parsed("zoom.vtt");
    expect(t.format).toBe("vtt");
    expect(brief(t)).toEqual([
      ["Maya Okafor", "Welcome back, Daniel. What would you like to focus on today?", 1.2, 5.9],
      [
        "Daniel Ruiz",
        "Honestly, the reorganisation. I feel stuck, and I'm worried about my team.",
        6.4,
        12.05,
      ],
      ["Daniel Ruiz", "so many changes at once.", 12.6, 15],
      ["Maya Okafor", "It sounds like the uncertainty is weighing on you.", 15.8, 19.3],
    ]);
    expect(t.turns.map((turn) => turn.line)).toEqual([4, 8, 12, 16]);
  });

  it("reads Teams' WebVTT: voice tags, header, NOTE and STYLE blocks, inline tags", () => {
    const t = parsed("teams.vtt");
    expect(brief(t)).toEqual([
      ["Maya Okafor", "What matters most to you this week?", 0.5, 3.25],
      ["Daniel Ruiz", "I want to decide who leads the new project.", 3.9, 9],
      ["Maya Okafor", "Mm-hm.", 9.4, 10.1],
    ]);
  });

  it("reads SRT with comma decimals and multi-line cues", () => {
    expect(brief(parsed("session.srt"))).toEqual([
      ["Maya", "How did the conversation with your director go?", 1, 4],
      ["Daniel", "Better than I expected. She listened.", 4.5, 9.25],
      ["Maya", "What made the difference?", 9.8, 11],
    ]);
  });

  it("reads plain text: 'Name:' starts a turn, other lines continue it", () => {
    const t = parsed("session.txt");
    expect(brief(t)).toEqual([
      ["Maya", "Where would you like to start?", null, null],
      [
        "Daniel",
        "With the budget meeting. It went badly, and I have been replaying it all week.",
        null,
        null,
      ],
      ["Maya", "You've been replaying it. What stays with you most?", null, null],
      ["Daniel", "That I didn't speak up.", null, null],
    ]);
    expect(t.turns.map((turn) => turn.line)).toEqual([1, 2, 4, 6]);
  });

  it("reads Otter exports, skipping the title lines; each turn ends where the next starts", () => {
    const result = parseTranscript(read("otter.txt"));
    if (!result.ok) throw new Error(result.error.message);
    expect(brief(result.value)).toEqual([
      ["Maya Okafor", "Good to see you. Where are we today?", 0, 4],
      ["Daniel Ruiz", "I've been thinking about what you said last time, about asking my team first.", 4, 15],
      ["Maya Okafor", "What did you notice when you tried it?", 15, null],
    ]);
  });

  it("reads diarised JSON from WhisperX (seconds), AssemblyAI (milliseconds) and Deepgram", () => {
    expect(brief(parsed("whisperx.json"))).toEqual([
      ["SPEAKER_00", "What would make today useful?", 0, 3.1],
      ["SPEAKER_01", "Getting clear on the promotion.", 3.6, 8.4],
    ]);
    expect(brief(parsed("assemblyai.json"))).toEqual([
      ["A", "What would you like to work on?", 0.25, 2.9],
      ["B", "My confidence in meetings.", 3.3, 7.1],
    ]);
    expect(brief(parsed("deepgram.json"))).toEqual([
      ["Speaker 0", "What would you like to work on?", 0.2, 2.4],
      ["Speaker 1", "My confidence.", 2.9, 5],
    ]);
  });

  it("reads a file with Windows line ends and a byte-order mark the same", () => {
    const windows = `\uFEFF${read("session.srt").replace(/\n/g, "\r\n")}`;
    const result = parseTranscript(windows);
    expect(result.ok && brief(result.value)).toEqual(brief(parsed("session.srt")));
  });
});
