// The interpersonal circumplex: each utterance's dominance (leading ↔ following) and friendliness (warm ↔
// cold) in [−1, 1], from the documented cues below; session means per speaker; the coach's octant.

import { roundTo } from "../shared/numbers.ts";
import type { Code } from "./coding.ts";
import { wordCount } from "./text.ts";

/** Weight of each code on the two axes (docs/transcripts.md, "Circumplex"). */
const CODE_WEIGHTS: Partial<Record<Code, { dominance: number; friendliness: number }>> = {
  advice: { dominance: 0.5, friendliness: 0 },
  persuade: { dominance: 0.6, friendliness: -0.2 },
  confront: { dominance: 0.7, friendliness: -0.6 },
  structuring: { dominance: 0.4, friendliness: 0 },
  challenge: { dominance: 0.3, friendliness: 0 },
  feedback: { dominance: 0.3, friendliness: 0.1 },
  information: { dominance: 0.2, friendliness: 0 },
  "question.closed": { dominance: 0.1, friendliness: 0 },
  "question.open": { dominance: 0.05, friendliness: 0.1 },
  "reflection.simple": { dominance: -0.1, friendliness: 0.2 },
  "reflection.complex": { dominance: -0.05, friendliness: 0.4 },
  summary: { dominance: 0.1, friendliness: 0.3 },
  affirmation: { dominance: 0.1, friendliness: 0.6 },
  self_disclosure: { dominance: 0, friendliness: 0.3 },
  seeking_collaboration: { dominance: -0.3, friendliness: 0.3 },
  emphasizing_autonomy: { dominance: -0.2, friendliness: 0.3 },
  repair: { dominance: -0.3, friendliness: 0.4 },
  backchannel: { dominance: -0.4, friendliness: 0.1 },
  agreement: { dominance: -0.2, friendliness: 0.3 },
  disagreement: { dominance: 0.3, friendliness: -0.3 },
  question: { dominance: -0.1, friendliness: 0.05 },
  goal_directed: { dominance: 0.2, friendliness: 0 },
  change_talk: { dominance: 0.2, friendliness: 0.05 },
  sustain_talk: { dominance: 0.1, friendliness: -0.1 },
};

const HEDGES =
  /\b(?:maybe|perhaps|i'?m not sure|i guess|sort of|kind of|i suppose|possibly|might be|i wonder)\b/gi;
const DEFERRING =
  /\b(?:whatever you (?:think|want|say)|if you (?:want|think so|like)|you'?re (?:probably )?right|up to you|i don'?t mind)\b/i;
const WARMTH =
  /\b(?:thank(?:s| you)|appreciate|i understand|that makes sense|of course|glad|great|wonderful|love|lovely|happy to)\b/gi;
const HOSTILITY =
  /\b(?:shut up|whatever|don'?t care|stupid|lazy|useless|ridiculous|pathetic|waste of time)\b/i;

export interface CircumplexPoint {
  readonly dominance: number;
  readonly friendliness: number;
}

const clamp = (value: number) => Math.max(-1, Math.min(1, roundTo(value)));

/**
 * An utterance's position: its codes' weights plus word cues — hedges (each −0.1 dominance, at most
 * −0.3), deferring (−0.3), warmth words (each +0.15 friendliness, at most +0.3), hostile words (−0.5
 * friendliness), interrupting the other speaker (+0.3 dominance), a monologue of over 80 words (+0.2).
 */
export function positionOf(
  text: string,
  codes: readonly Code[],
  interrupting: boolean,
  words: number = wordCount(text),
): CircumplexPoint {
  let dominance = 0;
  let friendliness = 0;
  for (const code of codes) {
    const weight = CODE_WEIGHTS[code];
    dominance += weight?.dominance ?? 0;
    friendliness += weight?.friendliness ?? 0;
  }
  dominance -= Math.min(0.3, 0.1 * (text.match(HEDGES)?.length ?? 0));
  if (DEFERRING.test(text)) dominance -= 0.3;
  friendliness += Math.min(0.3, 0.15 * (text.match(WARMTH)?.length ?? 0));
  if (HOSTILITY.test(text)) friendliness -= 0.5;
  if (interrupting) dominance += 0.3;
  if (words > 80) dominance += 0.2;
  return { dominance: clamp(dominance), friendliness: clamp(friendliness) };
}

export const OCTANTS = [
  "friendly",
  "dominant-friendly",
  "dominant",
  "dominant-hostile",
  "hostile",
  "submissive-hostile",
  "submissive",
  "submissive-friendly",
] as const;
export type Octant = (typeof OCTANTS)[number] | "neutral";

/**
 * The octant of a mean position: the angle from the friendliness axis, in 45° sectors centred on the
 * eight directions; "neutral" within 0.05 of the centre.
 */
export function octantOf({ dominance, friendliness }: CircumplexPoint): Octant {
  if (Math.hypot(dominance, friendliness) < 0.05) return "neutral";
  const degrees = ((Math.atan2(dominance, friendliness) * 180) / Math.PI + 360) % 360;
  return OCTANTS[Math.round(degrees / 45) % 8] ?? "neutral";
}

export function meanOf(points: readonly CircumplexPoint[]): CircumplexPoint {
  if (points.length === 0) return { dominance: 0, friendliness: 0 };
  const sum = points.reduce(
    (acc, p) => ({ dominance: acc.dominance + p.dominance, friendliness: acc.friendliness + p.friendliness }),
    { dominance: 0, friendliness: 0 },
  );
  return {
    dominance: clamp(sum.dominance / points.length),
    friendliness: clamp(sum.friendliness / points.length),
  };
}
