import { describe, expect, it } from "vitest";
import { analyzeTranscript } from "./analyze.ts";
import { octantOf } from "./circumplex.ts";
import { mitiLevel, REFLECTION_TO_QUESTION } from "./miti.ts";
import { parseTranscript } from "./parse-transcript.ts";
import { associationOf } from "./sequences.ts";
import { temporalFocusOf } from "./temporal-focus.ts";
import type { Transcript } from "./transcript.ts";

function transcript(source: string): Transcript {
  const parsed = parseTranscript(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const TIMED = transcript(`WEBVTT

00:00:00.000 --> 00:00:04.000
<v Maya>What would you like to work on today?

00:00:05.000 --> 00:00:15.000
<v Daniel>I'm worried about the reorganisation. I feel stuck and I keep replaying last week.

00:00:14.000 --> 00:00:18.000
<v Maya>You should just talk to your director tomorrow.

00:00:19.000 --> 00:00:24.000
<v Daniel>Maybe. I don't know.

00:00:25.000 --> 00:00:30.000
<v Maya>Sorry, I jumped in there. It sounds like this has been weighing on you for a while, right?

00:00:31.000 --> 00:00:40.000
<v Daniel>Yes. I want to go into next week with a plan.
`);

describe("analyzeTranscript", () => {
  const result = analyzeTranscript(TIMED, "Maya");
  if (!result.ok) throw new Error(result.error);
  const analysis = result.value;

  it("codes exactly one utterance per turn, in input order", () => {
    expect(analysis.utterances.map((u) => [u.index, u.speaker, u.role])).toEqual([
      [0, "Maya", "coach"],
      [1, "Daniel", "coachee"],
      [2, "Maya", "coach"],
      [3, "Daniel", "coachee"],
      [4, "Maya", "coach"],
      [5, "Daniel", "coachee"],
    ]);
    expect(analysis.utterances.map((u) => u.primary)).toEqual([
      "question.open",
      "emotion_expressed",
      "advice",
      "other",
      "reflection.complex",
      "goal_directed",
    ]);
  });

  it("measures talk by time, pauses, overlaps and interruptions from the timestamps", () => {
    expect(analysis.metrics.timed).toBe(true);
    expect(analysis.metrics.talkShareBasis).toBe("time");
    // Maya speaks 4 + 4 + 5 = 13 s, Daniel 10 + 5 + 9 = 24 s.
    expect(analysis.speakers.find((s) => s.name === "Maya")?.talkShare).toBe(0.351);
    expect(analysis.metrics.durationSeconds).toBe(40);
    expect(analysis.metrics.speakerSwitches).toBe(5);
    expect(analysis.metrics.interactivity).toBe(7.5);
    // Maya's reply at 14 s overlaps Daniel's end at 15 s by 1 s: an interruption (pause counted as 0).
    expect(analysis.metrics.overlaps).toBe(1);
    expect(analysis.metrics.interruptions).toBe(1);
    // Pauses before Maya's replies: 0 (the overlap) and 1 s; the median is 0.5 s.
    expect(analysis.metrics.coachMedianPauseSeconds).toBe(0.5);
  });

  it("compares reflections with questions against the MITI levels", () => {
    expect(analysis.metrics.coachQuestions).toBe(1);
    expect(analysis.metrics.coachReflections).toBe(1);
    expect(analysis.metrics.reflectionToQuestionRatio).toBe(1);
    expect(analysis.metrics.miti.reflectionToQuestion).toBe("fair");
    expect(analysis.metrics.percentComplexReflections).toBe(100);
    expect(analysis.metrics.miti.complexReflections).toBe("good");
  });

  it("flags the hooked moment, the interruption, the reflection of feeling and the check", () => {
    expect(analysis.flags.map((f) => [f.kind, f.index])).toEqual([
      ["interruption", 2],
      ["hooked", 2],
      ["reflection_of_feeling", 4],
      ["checking_understanding", 4],
    ]);
  });

  it("places the coach and coachee on the circumplex and reports the lag-1 sequences", () => {
    expect(analysis.circumplex.coach.octant).toBe(octantOf(analysis.circumplex.coach));
    expect(analysis.sequences.friendlinessCoachToCoachee.n).toBe(3);
    expect(analysis.sequences.dominanceCoacheeToCoach.n).toBe(2);
  });

  it("says when the coach was guessed", () => {
    const guessed = analyzeTranscript(TIMED);
    expect(guessed.ok && guessed.value.warnings[0]).toContain("Roles guessed: Maya");
    expect(analyzeTranscript(TIMED, "Sam")).toEqual({
      ok: false,
      error: 'No speaker is named "Sam"; the speakers are: Maya, Daniel.',
    });
  });

  it("falls back to words without timestamps", () => {
    const plain = analyzeTranscript(
      transcript("Maya: How are you?\nDaniel: Fine thanks, busy week.\n"),
      "Maya",
    );
    expect(plain.ok && plain.value.metrics.talkShareBasis).toBe("words");
    expect(plain.ok && plain.value.metrics.interactivity).toBeNull();
    expect(plain.ok && plain.value.speakers.map((s) => s.talkShare)).toEqual([0.429, 0.571]);
  });
});

describe("sequence statistics", () => {
  it("computes Yule's Q and the adjusted residual on a hand-worked table", () => {
    // Q = (10·10 − 5·5) / (10·10 + 5·5) = 0.6; expected 7.5, variance 7.5·0.5·0.5 = 1.875, z = 2.5/√1.875.
    expect(associationOf({ a: 10, b: 5, c: 5, d: 10 })).toEqual({
      table: { a: 10, b: 5, c: 5, d: 10 },
      n: 30,
      yulesQ: 0.6,
      z: 1.826,
    });
    expect(associationOf({ a: 0, b: 0, c: 0, d: 0 })).toMatchObject({ yulesQ: null, z: null });
  });
});

describe("circumplex octants", () => {
  it("names the eight directions and the centre", () => {
    expect(octantOf({ dominance: 0.4, friendliness: 0.4 })).toBe("dominant-friendly");
    expect(octantOf({ dominance: 0, friendliness: 0.5 })).toBe("friendly");
    expect(octantOf({ dominance: -0.5, friendliness: 0 })).toBe("submissive");
    expect(octantOf({ dominance: 0.3, friendliness: -0.3 })).toBe("dominant-hostile");
    expect(octantOf({ dominance: 0.01, friendliness: 0.02 })).toBe("neutral");
  });
});

describe("temporal focus and MITI levels", () => {
  it("counts sentences as past, present or future", () => {
    expect(
      temporalFocusOf([
        "Last week I panicked and walked out.",
        "Now I am calmer.",
        "Tomorrow I will ask for help.",
      ]),
    ).toEqual({ past: 0.333, present: 0.333, future: 0.333, sentences: 3 });
  });

  it("grades against the MITI 4.2.1 thresholds", () => {
    expect(mitiLevel(0.5, REFLECTION_TO_QUESTION)).toBe("below fair");
    expect(mitiLevel(2, REFLECTION_TO_QUESTION)).toBe("good");
    expect(mitiLevel(null, REFLECTION_TO_QUESTION)).toBeNull();
  });
});
