// Coach attributes: the coachee's rating of the five coach attributes that predict a positive alliance (M7).

import type { Instrument } from "../instrument.ts";
import { ALLIANCE_INSTRUMENT_LICENCE, BUILTIN_LANGUAGES, en, zeroToTen } from "./builtin-items.ts";

/**
 * Coach attributes 1.0.0 (coachee, every 3rd session by default). One 0–10 item for each of the five
 * attributes of DESIGN.md M7 — trust building; understanding and handling emotions; two-way
 * communication; facilitating learning; a clear contract and transparent process. Total: their mean
 * (0–10); each item is read on its own as well.
 */
export const COACH_ATTRIBUTES: Instrument = {
  id: "coach-attributes",
  version: "1.0.0",
  title: en("Coach attributes"),
  description: en(
    "Thinking about your coaching so far, how true is each statement? 0 = not at all, 10 = completely.",
  ),
  licence: ALLIANCE_INSTRUMENT_LICENCE,
  languages: BUILTIN_LANGUAGES,
  items: [
    zeroToTen("trust", "I can rely on my coach: they do what they say and keep what I share safe."),
    zeroToTen(
      "emotions",
      "My coach notices how I feel and helps me work with strong feelings when they come up.",
    ),
    zeroToTen("two-way", "Our conversations go both ways: my coach listens as much as they talk."),
    zeroToTen("learning", "My coach helps me learn from my own experience and see things in new ways."),
    zeroToTen(
      "contract",
      "I know what we agreed about our coaching and who hears what, and my coach keeps to it.",
    ),
  ],
  subscales: [],
  scoring: { total: { items: ["trust", "emotions", "two-way", "learning", "contract"], method: "mean" } },
};
