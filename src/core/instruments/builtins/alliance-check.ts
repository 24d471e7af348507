// The Alliance Check: the coachee's under-a-minute rating of the alliance after every session (own wording).

import type { Instrument } from "../instrument.ts";
import {
  ALLIANCE_INSTRUMENT_LICENCE,
  BUILTIN_LANGUAGES,
  en,
  optionalText,
  zeroToTen,
} from "./builtin-items.ts";

/** The seven rated items of the Alliance Check, in order: goals ×2, approach ×2, bond ×2, overall. */
export const ALLIANCE_CHECK_RATED_ITEMS = [
  "goals-focus",
  "goals-shared",
  "approach-fit",
  "approach-progress",
  "bond-openness",
  "bond-support",
  "overall",
] as const;

/**
 * Alliance Check 1.0.0 (coachee, after every session, under 60 s). Bordin's three parts of the working
 * alliance — agreement on goals, agreement on tasks (our approach), bond — two items each, plus an
 * overall item, each 0–10. Subscales are item means (0–10); the total is the sum of the seven items
 * (0–70) rescaled to 0–40, the range the weak-alliance cut-off of DESIGN.md §3 is stated on.
 */
/** Goals, approach and bond, each the mean of its two items (0–10); shared with the Coach mirror. */
export const ALLIANCE_SUBSCALES: Instrument["subscales"] = [
  { id: "goals", title: en("Agreement on goals"), items: ["goals-focus", "goals-shared"], method: "mean" },
  {
    id: "approach",
    title: en("Agreement on approach"),
    items: ["approach-fit", "approach-progress"],
    method: "mean",
  },
  { id: "bond", title: en("Bond"), items: ["bond-openness", "bond-support"], method: "mean" },
];

/** The total: the seven rated items summed (0–70) and rescaled to 0–40; shared with the Coach mirror. */
export const ALLIANCE_SCORING: Instrument["scoring"] = {
  total: { items: ALLIANCE_CHECK_RATED_ITEMS, method: "sum", rescale: { min: 0, max: 40 } },
};

export const ALLIANCE_CHECK: Instrument = {
  id: "alliance-check",
  version: "1.0.0",
  title: en("Alliance Check"),
  description: en(
    "Thinking about the session you just had, how true is each statement? 0 = not at all, 10 = completely.",
  ),
  licence: ALLIANCE_INSTRUMENT_LICENCE,
  languages: BUILTIN_LANGUAGES,
  items: [
    zeroToTen("goals-focus", "This session was spent on what matters most to me right now."),
    zeroToTen("goals-shared", "My coach and I see the purpose of our coaching the same way."),
    zeroToTen("approach-fit", "How we went about things today made sense to me."),
    zeroToTen("approach-progress", "The conversations and exercises we use are moving me forward."),
    zeroToTen("bond-openness", "I could be open with my coach without worrying about being judged."),
    zeroToTen("bond-support", "I sense that my coach is genuinely on my side."),
    zeroToTen("overall", "Taking everything into account, this session was worth my time."),
    optionalText("next-session", "What would make the next session more useful for you?"),
  ],
  subscales: ALLIANCE_SUBSCALES,
  scoring: ALLIANCE_SCORING,
};
