// The Coach mirror: the coach's own rating of the session's alliance and their prediction of the coachee's rating.

import type { Instrument } from "../instrument.ts";
import { ALLIANCE_SCORING, ALLIANCE_SUBSCALES } from "./alliance-check.ts";
import {
  ALLIANCE_INSTRUMENT_LICENCE,
  BUILTIN_LANGUAGES,
  en,
  optionalText,
  zeroToTen,
} from "./builtin-items.ts";

/** Id of the item holding the coach's prediction of the coachee's Alliance Check total (0–40). */
export const COACH_MIRROR_PREDICTION_ITEM = "predicted-total";

/**
 * Coach mirror 1.0.0 (coach, after each session). The Alliance Check's constructs seen from the coach's
 * side — goals, approach, bond (two items each, means 0–10) and overall, total rescaled to 0–40 so it
 * lines up with the coachee's — plus the coach's prediction of the coachee's Alliance Check total
 * (0–40, not part of the total; the gap feeds the perception-gap alert and P1 self-awareness). When the
 * overall rating is 6 or lower, an optional "what got in the way?" note is shown.
 */
export const COACH_MIRROR: Instrument = {
  id: "coach-mirror",
  version: "1.0.0",
  title: en("Coach mirror"),
  description: en(
    "Thinking about the session you just held, how true is each statement? 0 = not at all, 10 = completely.",
  ),
  licence: ALLIANCE_INSTRUMENT_LICENCE,
  languages: BUILTIN_LANGUAGES,
  items: [
    zeroToTen("goals-focus", "The session stayed with what matters most to my coachee right now."),
    zeroToTen("goals-shared", "My coachee and I see the purpose of our coaching the same way."),
    zeroToTen("approach-fit", "How we went about things today made sense to my coachee."),
    zeroToTen("approach-progress", "Our ways of working are moving my coachee forward."),
    zeroToTen("bond-openness", "My coachee could be open with me without fear of being judged."),
    zeroToTen("bond-support", "There was a warm, working connection between us today."),
    zeroToTen("overall", "Taking everything into account, this session was worth my coachee's time."),
    {
      id: COACH_MIRROR_PREDICTION_ITEM,
      kind: "scale",
      text: en("What total do you expect your coachee to give this session on the Alliance Check (0–40)?"),
      required: true,
      min: 0,
      max: 40,
      minLabel: en("0: lowest"),
      maxLabel: en("40: highest"),
      reversed: false,
    },
    {
      ...optionalText("in-the-way", "What got in the way today?"),
      enableWhen: { item: "overall", operator: "<=", answer: 6 },
    },
  ],
  subscales: ALLIANCE_SUBSCALES,
  scoring: ALLIANCE_SCORING,
};
