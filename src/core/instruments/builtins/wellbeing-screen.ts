// The Wellbeing screen: PHQ-2 and GAD-2 (public domain, Pfizer), their cut-offs and the screen's result (M2).

import type { AnswerOption, ChoiceItem, Instrument } from "../instrument.ts";
import type { ScoreReport } from "../scoring.ts";
import { BUILTIN_LANGUAGES, en } from "./builtin-items.ts";

/**
 * PHQ-2 positive screen: a sum of at least 3 (of 0–6). Kroenke, Spitzer & Williams 2003, Medical Care
 * 41:1284–1292: sensitivity 83 %, specificity 92 % for major depression.
 */
export const PHQ2_POSITIVE_CUTOFF = 3;

/**
 * GAD-2 positive screen: a sum of at least 3 (of 0–6). Kroenke, Spitzer, Williams, Monahan & Löwe 2007,
 * Annals of Internal Medicine 146:317–325: sensitivity 86 %, specificity 83 % for generalised anxiety disorder.
 */
export const GAD2_POSITIVE_CUTOFF = 3;

/** The attribution Pfizer's release of the PHQ and GAD asks reprints to keep. */
export const PHQ_GAD_ATTRIBUTION =
  "PHQ-2 and GAD-2: Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, " +
  "with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.";

/** The standard PHQ/GAD answer options, scored 0–3. */
const HOW_OFTEN: readonly AnswerOption[] = [
  { code: "not-at-all", label: en("Not at all"), score: 0 },
  { code: "several-days", label: en("Several days"), score: 1 },
  { code: "more-than-half", label: en("More than half the days"), score: 2 },
  { code: "nearly-every-day", label: en("Nearly every day"), score: 3 },
];

function howOften(id: string, text: string): ChoiceItem {
  return { id, kind: "choice", text: en(text), required: true, options: HOW_OFTEN, reversed: false };
}

/**
 * Wellbeing screen 1.0.0 (coachee, opt-in per engagement). The PHQ-2 and GAD-2 in their standard
 * wording, each a subscale summed 0–6; no total. Read the result with `screenWellbeing`.
 */
export const WELLBEING_SCREEN: Instrument = {
  id: "wellbeing-screen",
  version: "1.0.0",
  title: en("Wellbeing screen (PHQ-2 and GAD-2)"),
  description: en("Over the last 2 weeks, how often have you been bothered by the following problems?"),
  licence: PHQ_GAD_ATTRIBUTION,
  languages: BUILTIN_LANGUAGES,
  items: [
    howOften("phq-1", "Little interest or pleasure in doing things"),
    howOften("phq-2", "Feeling down, depressed, or hopeless"),
    howOften("gad-1", "Feeling nervous, anxious or on edge"),
    howOften("gad-2", "Not being able to stop or control worrying"),
  ],
  subscales: [
    { id: "phq-2", title: en("PHQ-2 (depression screen)"), items: ["phq-1", "phq-2"], method: "sum" },
    { id: "gad-2", title: en("GAD-2 (anxiety screen)"), items: ["gad-1", "gad-2"], method: "sum" },
  ],
  scoring: { total: null },
};

export type ScreenOutcome =
  | { readonly status: "positive" | "negative"; readonly score: number; readonly cutOff: number }
  | { readonly status: "incomplete" };

export interface WellbeingScreenResult {
  readonly phq2: ScreenOutcome;
  readonly gad2: ScreenOutcome;
  /** Either screen positive: the coachee sees the referral page and the coach gets a flag. */
  readonly positive: boolean;
}

/**
 * The result of a scored Wellbeing screen: each of PHQ-2 and GAD-2 is positive at a sum of at least 3
 * (`PHQ2_POSITIVE_CUTOFF`, `GAD2_POSITIVE_CUTOFF`), negative below, incomplete when an item is missing
 * (a two-item scale is never prorated). Throws when `report` is not of the Wellbeing screen (a bug).
 */
export function screenWellbeing(report: ScoreReport): WellbeingScreenResult {
  if (report.instrumentId !== WELLBEING_SCREEN.id) {
    throw new Error(`screenWellbeing needs a ${WELLBEING_SCREEN.id} report, got ${report.instrumentId}.`);
  }
  const outcome = (subscaleId: string, cutOff: number): ScreenOutcome => {
    const subscale = report.subscales.find((candidate) => candidate.id === subscaleId);
    if (subscale === undefined) throw new Error(`The report has no subscale ${subscaleId}.`);
    if (subscale.score.status !== "scored") return { status: "incomplete" };
    const score = subscale.score.value;
    return { status: score >= cutOff ? "positive" : "negative", score, cutOff };
  };
  const phq2 = outcome("phq-2", PHQ2_POSITIVE_CUTOFF);
  const gad2 = outcome("gad-2", GAD2_POSITIVE_CUTOFF);
  return { phq2, gad2, positive: phq2.status === "positive" || gad2.status === "positive" };
}
