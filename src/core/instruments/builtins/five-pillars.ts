// Five pillars: the coach's relational qualities (P1–P5), rated by the coachee and by the coach about themself.

import type { Instrument } from "../instrument.ts";
import { ALLIANCE_INSTRUMENT_LICENCE, BUILTIN_LANGUAGES, en, zeroToTen } from "./builtin-items.ts";

/** The five pillars of DESIGN.md P1–P5, which are also the item ids of both variants. */
export const FIVE_PILLARS = [
  "self-awareness",
  "empathy",
  "positive-regard",
  "genuineness",
  "presence",
] as const;

const SCORING = { total: { items: FIVE_PILLARS, method: "mean" } } as const;

/**
 * Five pillars, coachee's view 1.0.0 (coachee; sessions 3, 6 and the last). One 0–10 item per pillar —
 * self-awareness, empathy, positive regard, genuineness, presence; total: their mean (0–10).
 */
export const FIVE_PILLARS_COACHEE: Instrument = {
  id: "five-pillars-coachee",
  version: "1.0.0",
  title: en("Five pillars: your view of your coach"),
  description: en(
    "Thinking about your recent sessions, how true is each statement? 0 = not at all, 10 = completely.",
  ),
  licence: ALLIANCE_INSTRUMENT_LICENCE,
  languages: BUILTIN_LANGUAGES,
  items: [
    zeroToTen(
      "self-awareness",
      "My coach let me find my own way instead of jumping in with their opinions or solutions.",
    ),
    zeroToTen("empathy", "My coach understood how I felt and what I meant, and showed me they did."),
    zeroToTen("positive-regard", "I felt my coach respected me and believed in me."),
    zeroToTen("genuineness", "My coach was honest with me, even when that meant saying something hard."),
    zeroToTen("presence", "My coach gave me their full attention."),
  ],
  subscales: [],
  scoring: SCORING,
};

/**
 * Five pillars, coach's self-view 1.0.0 (coach; sessions 3, 6 and the last). The same five pillars in
 * the coach's own words, for comparison with the coachee's view; total: their mean (0–10).
 */
export const FIVE_PILLARS_COACH: Instrument = {
  id: "five-pillars-coach",
  version: "1.0.0",
  title: en("Five pillars: your view of yourself"),
  description: en(
    "Thinking about your recent sessions with this coachee, how true is each statement? 0 = not at all, 10 = completely.",
  ),
  licence: ALLIANCE_INSTRUMENT_LICENCE,
  languages: BUILTIN_LANGUAGES,
  items: [
    zeroToTen("self-awareness", "I noticed when I got hooked and kept my own opinions and solutions back."),
    zeroToTen("empathy", "I understood my coachee's feelings and point of view, and let them know it."),
    zeroToTen(
      "positive-regard",
      "I kept a positive attitude towards my coachee and found something in them to respect.",
    ),
    zeroToTen(
      "genuineness",
      "I was honest and open, gave feedback and asked tough questions where they helped, and owned my mistakes.",
    ),
    zeroToTen("presence", "I gave my coachee my full attention."),
  ],
  subscales: [],
  scoring: SCORING,
};
