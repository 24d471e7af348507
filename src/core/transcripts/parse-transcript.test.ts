import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTranscript } from "./parse-transcript.ts";
import { TRANSCRIPT_FORMATS } from "./transcript.ts";

function errorOf(source: string, format?: (typeof TRANSCRIPT_FORMATS)[number]) {
  const result = parseTranscript(source, format);
  if (result.ok) throw new Error(`expected a parse error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe("transcript parse errors name the line", () => {
  it("refuses an empty file", () => {
    expect(errorOf("  \n\n")).toEqual({ line: 1, message: "The transcript is empty." });
  });

  it("WebVTT: a missing header, a bad time, a cue without a speaker", () => {
    expect(errorOf("00:00.000 --> 00:01.000\nHi", "vtt").line).toBe(1);
    const badTime = errorOf("WEBVTT\n\n00:00:01.000 --> 00:00:99.000\nMaya: Hi\n");
    expect(badTime.line).toBe(3);
    expect(badTime.message).toContain("00:00:99.000");
    const backwards = errorOf("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nMaya: Hi\n");
    expect(backwards).toEqual({ line: 3, message: "The cue ends before it starts." });
    const anonymous = errorOf("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello there\n");
    expect(anonymous.line).toBe(3);
    expect(anonymous.message).toContain("names no speaker");
    expect(errorOf("WEBVTT\n\nid-1\nnot a timing\nMaya: Hi\n").line).toBe(3);
  });

  it("SRT: a block without a timing line", () => {
    expect(errorOf("1\n00:00:01,000 --> 00:00:02,000\nMaya: Hi\n\n2\nMaya: no timing\n", "srt").line).toBe(6);
  });

  it("plain text: speech before any speaker (beyond three title lines)", () => {
    const e = errorOf("just some words\nmore words\nand more\nand a fourth\nMaya: Hi\n", "plain");
    expect(e.line).toBe(4);
    expect(e.message).toContain('"Name:"');
  });

  it("JSON: syntax errors point at their line; missing speakers and bad times name the segment", () => {
    expect(errorOf('{\n  "segments": [\n    { "text": "hi", }\n  ]\n}').line).toBe(3);
    expect(errorOf('{"segments":[{"text":"hi"}]}').message).toBe(
      "segments[0] has no speaker (diarisation is needed).",
    );
    expect(errorOf('{"segments":[{"text":"hi","speaker":"A","start":"soon"}]}').message).toBe(
      "segments[0].start is not a time.",
    );
    expect(errorOf('{"words":[]}').message).toContain("Expected diarised JSON");
  });

  it("reads a speaker with a time in the text, and a time is never a speaker", () => {
    const result = parseTranscript("Maya: Shall we meet at 10:30?\nDaniel: Yes.\n");
    expect(result.ok && result.value.turns.map((t) => [t.speaker, t.text])).toEqual([
      ["Maya", "Shall we meet at 10:30?"],
      ["Daniel", "Yes."],
    ]);
    expect(parseTranscript("10:30: we start\n", "plain").ok).toBe(false);
  });

  it("takes a bracketed time before the speaker as the turn's start", () => {
    const result = parseTranscript("[00:00:05] Maya: Hi\n[00:00:09] Daniel: Hello\n");
    expect(result.ok && result.value.turns.map((t) => [t.start, t.end])).toEqual([
      [5, 9],
      [9, null],
    ]);
  });
});

describe("transcript parsers on arbitrary input", () => {
  // Text that looks partly like transcripts, so the fuzzing reaches deep into each parser.
  const pieces = fc.constantFrom(
    "WEBVTT",
    "\n",
    "\n\n",
    "\r\n",
    "1",
    "00:00:01.000 --> 00:00:02.000",
    "00:00:01,000 --> 00:00:02,000",
    "-->",
    "Maya: ",
    "<v Maya>",
    "</v>",
    "NOTE",
    "Maya Okafor  0:05",
    "{",
    "}",
    "[",
    "]",
    '"segments":',
    '"utterances":',
    '{"speaker":"A","text":"hi","start":1,"end":2}',
    ",",
    "hello",
    "\uFEFF",
    ":",
    "99:99",
  );
  const source = fc.oneof(
    fc.string(),
    fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join("")),
  );

  it("every parser returns turns or a parse error with a line, and never throws", () => {
    fc.assert(
      fc.property(source, fc.constantFrom(undefined, ...TRANSCRIPT_FORMATS), (text, format) => {
        const result = parseTranscript(text, format);
        if (result.ok) {
          expect(result.value.turns.length).toBeGreaterThan(0);
          for (const turn of result.value.turns) {
            expect(turn.speaker).not.toBe("");
            expect(turn.text).not.toBe("");
            if (turn.start !== null && turn.end !== null) expect(turn.end).toBeGreaterThanOrEqual(turn.start);
          }
        } else {
          expect(Number.isInteger(result.error.line)).toBe(true);
          expect(result.error.line).toBeGreaterThanOrEqual(1);
          expect(result.error.message).not.toBe("");
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("review fixes: odd but real input", () => {
  const turnsOf = (source: string, format?: (typeof TRANSCRIPT_FORMATS)[number]) => {
    const result = parseTranscript(source, format);
    if (!result.ok) throw new Error(result.error.message);
    return result.value.turns.map((t) => [t.speaker, t.text]);
  };

  it("SRT: splits two cues with no blank line between them", () => {
    expect(
      turnsOf("1\n00:00:01,000 --> 00:00:02,000\nMaya: Hi\n2\n00:00:03,000 --> 00:00:04,000\nDan: Hello\n"),
    ).toEqual([
      ["Maya", "Hi"],
      ["Dan", "Hello"],
    ]);
  });

  it("WebVTT: accepts blank lines before the header", () => {
    expect(turnsOf("\n\nWEBVTT\n\n00:00:01.000 --> 00:00:02.000\nMaya: Hi\n")).toEqual([["Maya", "Hi"]]);
  });

  it("Otter: a line of speech ending in a time is not a speaker; a title with a time is not Otter", () => {
    expect(turnsOf("Maya Okafor  0:00\nWhen is it?\nI have a meeting at 3:30\n\nDan  0:05\nOkay.\n")).toEqual(
      [
        ["Maya Okafor", "When is it? I have a meeting at 3:30"],
        ["Dan", "Okay."],
      ],
    );
    expect(turnsOf("Coaching session with Dan 14:00\nMaya: Hi Dan\nDan: Hello\n")).toEqual([
      ["Maya", "Hi Dan"],
      ["Dan", "Hello"],
    ]);
  });

  it("JSON: skips segments without text and carries the speaker over segments without one", () => {
    expect(
      turnsOf(
        '{"segments":[{"speaker":"A","text":"Hi"},{"text":null},{"text":"and welcome"},{"speaker":"B","text":"Thanks"}]}',
      ),
    ).toEqual([
      ["A", "Hi"],
      ["A", "and welcome"],
      ["B", "Thanks"],
    ]);
  });

  it("WebVTT: 200,000 unclosed '<' are read (tag stripping is linear)", () => {
    const hostile = `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nMaya: ${"<".repeat(200_000)}\n`;
    // A quadratic pattern would run for minutes here and trip the test timeout; a linear one takes milliseconds.
    expect(parseTranscript(hostile).ok).toBe(true);
  });
});
