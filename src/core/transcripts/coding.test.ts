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
  // Round 5: feelings said with "I feel …", pushing back, sustain talk without "can't", short assent.
  ["I feel a bit cornered by the whole thing, honestly.", "emotion_expressed"],
  ["I've been lying awake going over it every night.", "emotion_expressed"],
  ["I wouldn't call it a crisis. It's a rough patch.", "disagreement"],
  ["I'm not convinced a workshop will change anything.", "sustain_talk"],
  ["Every week? That's three hours I don't have.", "sustain_talk"],
  ["Works for me.", "agreement"],
  ["What I'd like from today is a plan for the handover.", "goal_directed"],
  // A last sentence of plain talk about oneself continues what the one before did.
  ["I'm going to tell her on Friday. Before I talk myself out of it.", "change_talk"],
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

// Whole turns whose primary depends on how their sentences relate: [turn, coachee's turn before, primary].
const TURNS: Array<[string, string | null, CoachCode]> = [
  // A last statement with no reflective stem that shares no word with the coachee's turn is the coach's own.
  [
    "Thanks for telling me. That took real nerve, and you stayed with it.",
    "I finally admitted to my boss that the launch slipped because of me.",
    "affirmation",
  ],
  [
    "Fair enough. You answered every question in that meeting yourself, even the ones aimed at Priti.",
    "I want to get better at running things.",
    "feedback",
  ],
  [
    "Good question. Interim roles here usually last six months before a permanent appointment.",
    "How long does that kind of cover normally go on?",
    "information",
  ],
  // …but a reflection of feeling, or one that picks up the coachee's words, stays a reflection.
  [
    "Not silly at all. You're hurt, and it shows up as anger.",
    "Part of me just wants to shout at him. Is that silly?",
    "reflection.complex",
  ],
  ["Of course. The promotion means a lot to you.", "I really wanted that promotion.", "reflection.simple"],
  // A lone statement answering the coachee gives their meaning back, even without "you".
  [
    "Two good options pulling in opposite directions.",
    "The agency wants me full time and the university offered me a fellowship.",
    "reflection.complex",
  ],
  // A summary stays a summary through its last statements.
  [
    "So far you've said the rota is unfair and the new hire is struggling. Your plan is to talk to Leon on Monday.",
    "I think that's all of it.",
    "summary",
  ],
  // A greeting in front of a question about the session is not coded; small talk stays other.
  ["Hi Dana, good to see you. What would you like to focus on today?", null, "question.open"],
  ["Hi Dana, come in. How was the train?", null, "other"],
  // Offering a choice of how to spend the time seeks collaboration.
  [
    "We have twenty minutes left. Which would be more useful: the budget or the hiring plan?",
    "I'm fine either way.",
    "seeking_collaboration",
  ],
  // Telling the coachee to apologise is advice, not the coach's own repair.
  [
    "Go and apologise to him first thing tomorrow, then let it go.",
    "I snapped at Ivo yesterday and I feel awful.",
    "advice",
  ],
  ["It's your call. But my honest advice is to say yes this week.", "I still can't decide.", "advice"],
  // Statements of fact about neither speaker, after another such statement, inform.
  [
    "No. The written test counts for a third. The interview decides the rest of the score.",
    "Is the written test the main thing?",
    "information",
  ],
];

describe("coach turns whose sentences do different things", () => {
  it.each(TURNS)("%s → %s", (text, previous, primary) => {
    expect(codeCoachTurn(text, previous).primary).toBe(primary);
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
    // A greeting in front sends the turn through the opening rules, which also look at a bounded window.
    const greeting = `Hi Sam, ${"start today and focus on what you want to bring, ".repeat(4000)}`;
    const began = performance.now();
    expect(codeCoachTurn(greeting, null).primary).toBe("other");
    expect(performance.now() - began).toBeLessThan(1000);
  });
});

describe("coachee utterance coding", () => {
  it.each(COACHEE)("%s → %s", (text, primary) => {
    const coded = codeCoacheeTurn(text, null);
    expect(coded.primary).toBe(primary);
    expect(coded.codes).toContain(primary);
  });
});
