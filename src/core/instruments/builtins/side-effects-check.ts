// The Side-effects check: the coachee reports negative effects of the coaching itself (M11).

import type { AnswerOption, ChoiceItem, Instrument } from "../instrument.ts";
import type { ScoreReport } from "../scoring.ts";
import { ALLIANCE_INSTRUMENT_LICENCE, BUILTIN_LANGUAGES, en, optionalText } from "./builtin-items.ts";

/** How much, scored 0–3. */
const AMOUNT: readonly AnswerOption[] = [
  { code: "not-at-all", label: en("Not at all"), score: 0 },
  { code: "a-little", label: en("A little"), score: 1 },
  { code: "quite-a-bit", label: en("Quite a bit"), score: 2 },
  { code: "a-lot", label: en("A lot"), score: 3 },
];

function amount(id: string, text: string): ChoiceItem {
  return { id, kind: "choice", text: en(text), required: true, options: AMOUNT, reversed: false };
}

/** The six categories of negative effects, which are also the item ids. */
export const SIDE_EFFECT_CATEGORIES = [
  "beyond-scope",
  "goals-changed",
  "less-meaning",
  "dependence",
  "worry-stress",
  "colleague-strain",
] as const;

export type SideEffectCategory = (typeof SIDE_EFFECT_CATEGORIES)[number];

/** Each category in a few plain words, as the coach's alert names it. */
export const SIDE_EFFECT_LABELS: Readonly<Record<SideEffectCategory, string>> = {
  "beyond-scope": "problems beyond what coaching can handle",
  "goals-changed": "goals changed without agreement",
  "less-meaning": "less meaning in work",
  dependence: "relying on the coach more than they would like",
  "worry-stress": "worry or stress caused by the coaching",
  "colleague-strain": "strained relationships with colleagues",
};

/**
 * The categories a scored Side-effects check reports: every item scored above 0 ("a little" or more), in
 * the instrument's order, with its label. Unanswered items report nothing.
 */
export function reportedSideEffects(
  report: ScoreReport,
): { categoryId: SideEffectCategory; label: string }[] {
  const reported: { categoryId: SideEffectCategory; label: string }[] = [];
  for (const categoryId of SIDE_EFFECT_CATEGORIES) {
    const item = report.items.find((candidate) => candidate.itemId === categoryId);
    if (item?.status === "scored" && item.score > 0) {
      reported.push({ categoryId, label: SIDE_EFFECT_LABELS[categoryId] });
    }
  }
  return reported;
}

/**
 * Side-effects check 1.0.0 (coachee, every 3rd session and at the end). Six categories from the research
 * on negative effects of coaching (Graßmann & Schermuly 2016: most often problems beyond what the coach
 * could handle, 26 %; goals changed without agreement, 17 %; less meaning in work, 17 %), each rated
 * 0 not at all – 3 a lot, and free text. Total: the sum (0–18); any item above 0 counts as reported.
 */
export const SIDE_EFFECTS_CHECK: Instrument = {
  id: "side-effects-check",
  version: "1.0.0",
  title: en("Side-effects check"),
  description: en(
    "Coaching can have unwanted effects too. Since the start of coaching or the last check, how much has each of these happened?",
  ),
  licence: ALLIANCE_INSTRUMENT_LICENCE,
  languages: BUILTIN_LANGUAGES,
  items: [
    amount(
      "beyond-scope",
      "Problems came up that seem bigger than coaching can deal with, such as health or serious personal difficulties.",
    ),
    amount("goals-changed", "The goals of our coaching changed in a way I had not agreed to."),
    amount("less-meaning", "My work has come to feel less meaningful to me because of the coaching."),
    amount("dependence", "I have come to rely on my coach more than I would like."),
    amount("worry-stress", "The coaching itself has caused me worry or stress."),
    amount("colleague-strain", "The coaching has strained my relationships with colleagues."),
    optionalText(
      "anything-else",
      "Is there anything else about how the coaching is affecting you that you would like to say?",
    ),
  ],
  subscales: [],
  scoring: { total: { items: SIDE_EFFECT_CATEGORIES, method: "sum" } },
};
