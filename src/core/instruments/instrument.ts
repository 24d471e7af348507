// The instrument model: a questionnaire as plain data — items, answer options and scores, subscales, scoring.

/** A BCP 47 language tag such as `en` or `de-CH`. */
export type LanguageTag = string;

/**
 * A text in every language of its instrument, keyed by language tag: `{ en: "Goals", de: "Ziele" }`.
 * `loadInstrument` checks that each text carries exactly the instrument's languages.
 */
export type LocalizedText = Readonly<Record<LanguageTag, string>>;

/** One answer option of a choice item; `score` is what the option counts for in scoring. */
export interface AnswerOption {
  /** Stable code stored in responses (never the label, which changes with the language). */
  readonly code: string;
  readonly label: LocalizedText;
  readonly score: number;
}

/** Show an item only when an earlier item's answer meets the condition. */
export interface EnableWhen {
  /** Id of an earlier item. */
  readonly item: string;
  readonly operator: EnableWhenOperator;
  /** An option code for choice items, an integer for scale items, a boolean for boolean items. */
  readonly answer: string | number | boolean;
}

export const ENABLE_WHEN_OPERATORS = ["=", "!=", ">=", "<="] as const;
export type EnableWhenOperator = (typeof ENABLE_WHEN_OPERATORS)[number];

interface ItemBase {
  readonly id: string;
  readonly text: LocalizedText;
  /** A required item must be answered when it is shown; a hidden item is never required. */
  readonly required: boolean;
  readonly enableWhen?: EnableWhen;
}

/** Pick one of a list of options, each with its own score. */
export interface ChoiceItem extends ItemBase {
  readonly kind: "choice";
  readonly options: readonly AnswerOption[];
  /** Reverse keyed: score = min + max − option score, over the option scores' min and max. */
  readonly reversed: boolean;
}

/** A whole number from `min` to `max` (a 0–10 slider is `{ min: 0, max: 10 }`). */
export interface ScaleItem extends ItemBase {
  readonly kind: "scale";
  readonly min: number;
  readonly max: number;
  /** Labels of the two ends of the scale, e.g. "not at all" / "completely". */
  readonly minLabel?: LocalizedText;
  readonly maxLabel?: LocalizedText;
  /** Reverse keyed: score = min + max − answer. */
  readonly reversed: boolean;
}

/** Yes or no; scores 1 for yes and 0 for no (reversed: 0 for yes). */
export interface BooleanItem extends ItemBase {
  readonly kind: "boolean";
  readonly reversed: boolean;
}

/** Free text; never scored. */
export interface TextItem extends ItemBase {
  readonly kind: "text";
  /** Longest accepted answer, in characters (UTF-16 code units). */
  readonly maxLength: number;
}

export type Item = ChoiceItem | ScaleItem | BooleanItem | TextItem;
export type ScoredItem = ChoiceItem | ScaleItem | BooleanItem;
export type ItemKind = Item["kind"];

export const SCALE_METHODS = ["sum", "mean"] as const;
/** How the item scores of a (sub)scale combine. */
export type ScaleMethod = (typeof SCALE_METHODS)[number];

/** A named group of scored items, e.g. "goals" of the Alliance Check. */
export interface Subscale {
  readonly id: string;
  readonly title: LocalizedText;
  /** Ids of scored (choice, scale or boolean) items. */
  readonly items: readonly string[];
  readonly method: ScaleMethod;
}

/** Linear rescaling of a total to another range, e.g. the 0–70 sum of seven 0–10 items to 0–40. */
export interface Rescale {
  readonly min: number;
  readonly max: number;
}

/** The instrument's total score. */
export interface TotalScoring {
  readonly items: readonly string[];
  readonly method: ScaleMethod;
  readonly rescale?: Rescale;
}

export interface Scoring {
  /** `null` when the instrument has no meaningful total (e.g. two screens side by side). */
  readonly total: TotalScoring | null;
}

/** A questionnaire, as data. Built-ins are defined in `builtins/`; others come in through `loadInstrument`. */
export interface Instrument {
  /** Stable id, also the FHIR `Questionnaire.id`: letters, digits, `-` and `.`, at most 64. */
  readonly id: string;
  /** Version of the definition; a response keeps the version it answered. Semantic versioning. */
  readonly version: string;
  readonly title: LocalizedText;
  /** Instructions shown above the items, e.g. the time frame ("Over the last 2 weeks…"). */
  readonly description?: LocalizedText;
  /** Who may use it and on what terms, with the attribution the owner asks for. */
  readonly licence: string;
  /** The languages every text is given in; the first is the default. */
  readonly languages: readonly LanguageTag[];
  readonly items: readonly Item[];
  readonly subscales: readonly Subscale[];
  readonly scoring: Scoring;
}

/** True for the kinds of item that carry a score. */
export function isScoredItem(item: Item): item is ScoredItem {
  return item.kind !== "text";
}
