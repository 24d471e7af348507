import { describe, expect, it } from "vitest";
import { type CoachCode, type CoacheeCode, coachClassOf, codeCoacheeTurn, codeCoachTurn } from "./coding.ts";

// [coach turn, the coachee's turn before it, expected primary]
const COACH: Array<[string, string | null, CoachCode]> = [
  ["What would make this hour worthwhile for you?", null, "question.open"],
  ["How did the team take the news?", "I told the team on Monday.", "question.open"],
  ["Did you speak to her afterwards?", "The meeting ended badly.", "question.closed"],
  ["Is Friday still the deadline?", null, "question.closed"],
  ["You told the team on Monday.", "I told the team on Monday.", "reflection.simple"],
  ["So the meeting ended badly.", "The meeting ended badly, honestly.", "reflection.simple"],
  [
    "It sounds like you feel let down by people you trusted.",
    "They all agreed and then did nothing.",
    "reflection.complex",
  ],
  [
    "Part of you wants to step up, and part of you is tired of carrying everyone.",
    "I could take it on, I suppose.",
    "reflection.complex",
  ],
  ["You're worried this will repeat itself, right?", "It happened last year too.", "reflection.complex"],
  ["It took real courage to raise that with your director.", null, "affirmation"],
  [
    "So far you've mentioned three things: the budget, the hiring freeze and your own energy.",
    null,
    "summary",
  ],
  ["Research shows most new managers struggle with delegation in their first year.", null, "information"],
  ["You should put it in writing and send it today.", "I never know how to start that email.", "advice"],
  ["Have you tried blocking out an hour each morning?", "I never get to the strategic work.", "advice"],
  ["I noticed that you lowered your voice when you mentioned your manager.", null, "feedback"],
  ["When I was a new manager I felt exactly the same way.", null, "self_disclosure"],
  ["You say it doesn't matter, and yet you've brought it up three times.", null, "challenge"],
  ["What's stopping you from asking her directly?", null, "challenge"],
  ["Would it be okay if I shared an idea that has helped others?", null, "seeking_collaboration"],
  ["It's entirely your decision what you do with this.", null, "emphasizing_autonomy"],
  ["Trust me, there's no way the board will accept that.", null, "persuade"],
  ["That's just an excuse, and you know it.", null, "confront"],
  ["We have about ten minutes left, so let's move on to next steps.", null, "structuring"],
  ["Sorry, I cut you off there. Please go on.", null, "repair"],
  ["Mm-hm.", null, "backchannel"],
  ["Good to see you again.", null, "other"],
];

const COACHEE: Array<[string, CoacheeCode]> = [
  ["I'm going to talk to him before Friday.", "change_talk"],
  ["There's no point, it won't change anything.", "sustain_talk"],
  ["My goal is to lead the new unit by spring.", "goal_directed"],
  ["I guess I always try to fix things myself before asking for help.", "self_exploration"],
  ["Honestly, I feel exhausted and a bit lost.", "emotion_expressed"],
  ["What would you do in my place?", "question"],
  ["Yes, exactly.", "agreement"],
  ["No, I don't think that's it.", "disagreement"],
  ["Mm-hm.", "backchannel"],
  ["We moved offices in March.", "other"],
];

describe("coach utterance coding", () => {
  it.each(COACH)("%s → %s", (text, previous, primary) => {
    const coded = codeCoachTurn(text, previous);
    expect(coded.primary).toBe(primary);
    expect(coded.codes).toContain(primary);
  });

  it("keeps every code that applies: a reflection followed by an open question", () => {
    const coded = codeCoachTurn("You're worn out. What would help most this week?", "I'm so tired of it.");
    expect(coded.primary).toBe("question.open");
    expect(coded.codes).toEqual(expect.arrayContaining(["question.open"]));
    expect(coded.codes.some((code) => code.startsWith("reflection."))).toBe(true);
  });

  it("lets a closing tag sentence leave the reflection before it primary", () => {
    expect(
      codeCoachTurn("So you feel invisible in those meetings. Is that right?", "Nobody listens to me.")
        .primary,
    ).toBe("reflection.complex");
  });

  it("sorts the codes into the four evaluation classes", () => {
    expect(coachClassOf("question.closed")).toBe("question");
    expect(coachClassOf("summary")).toBe("reflection");
    expect(coachClassOf("self_disclosure")).toBe("input");
    expect(coachClassOf("structuring")).toBe("other");
  });
});

describe("coding a runaway sentence", () => {
  it("codes a 200,000-character turn without punctuation by its first 600 characters", () => {
    const long = `So you feel ${"one, and then another, second, ".repeat(7000)}`;
    expect(long.length).toBeGreaterThan(200_000);
    expect(codeCoachTurn(long, "I feel stuck.").primary).toBe(
      codeCoachTurn(long.slice(0, 600), "I feel stuck.").primary,
    );
    expect(codeCoacheeTurn(long, null).codes.length).toBeGreaterThan(0);
  });
});

describe("coachee utterance coding", () => {
  it.each(COACHEE)("%s → %s", (text, primary) => {
    const coded = codeCoacheeTurn(text, null);
    expect(coded.primary).toBe(primary);
    expect(coded.codes).toContain(primary);
  });
});
