// Where the coachee's talk sits in time: each sentence counted as past, present or future from tense and
// time words (the kind with most cues wins; sentences without cues, or tied, are left out).

import { roundTo } from "../shared/numbers.ts";
import { sentencesOf, wordsOf } from "./text.ts";

const PAST = new Set(
  "was were had did went said told felt thought knew got made came took gave saw used yesterday ago previously earlier last back before then".split(
    " ",
  ),
);
const PRESENT = new Set(
  "am is are 'm 're now today currently nowadays these present moment right".split(" "),
);
const FUTURE = new Set(
  "will 'll shall gonna tomorrow next soon future eventually someday later plan planning hope hoping going".split(
    " ",
  ),
);
/** Verbs after which an "-ed" word describes a present state. */
const STATE_VERBS = new Set(
  "am is are 'm 're i'm you're we're they're feel feeling get getting seem look".split(" "),
);
/** Regular past-tense verbs end in -ed; these common words do too without being past. */
const NOT_PAST_ED = new Set(
  "need feed seed bed red indeed speed proceed exceed succeed bleed breed shed".split(" "),
);

export interface TemporalFocus {
  /** Shares of the sentences with a clear time focus, 0–1, summing to 1 (all 0 when none). */
  readonly past: number;
  readonly present: number;
  readonly future: number;
  /** How many sentences had a clear focus. */
  readonly sentences: number;
}

function focusOf(sentence: string): "past" | "present" | "future" | null {
  const words = wordsOf(sentence);
  let past = 0;
  let present = 0;
  let future = 0;
  for (const [i, word] of words.entries()) {
    // "-ed" after am/is/are/feel/get is a state now ("I'm stressed"), not the past.
    const afterState = STATE_VERBS.has(words[i - 1] ?? "");
    if (PAST.has(word) || (word.endsWith("ed") && word.length > 4 && !NOT_PAST_ED.has(word) && !afterState))
      past++;
    if (PRESENT.has(word) || word.endsWith("'m") || word.endsWith("'re")) present++;
    if (FUTURE.has(word) || word.endsWith("'ll")) future++;
  }
  if (/\bgoing to\b|\bwant to\b|\bwould like to\b/i.test(sentence)) future++;
  const max = Math.max(past, present, future);
  if (max === 0) return null;
  const winners = [past === max, present === max, future === max].filter(Boolean).length;
  if (winners > 1) return null;
  return past === max ? "past" : present === max ? "present" : "future";
}

export function temporalFocusOf(texts: readonly string[]): TemporalFocus {
  const counts = { past: 0, present: 0, future: 0 };
  for (const text of texts) {
    for (const sentence of sentencesOf(text)) {
      const focus = focusOf(sentence);
      if (focus) counts[focus]++;
    }
  }
  const total = counts.past + counts.present + counts.future;
  const share = (n: number) => (total === 0 ? 0 : roundTo(n / total));
  return {
    past: share(counts.past),
    present: share(counts.present),
    future: share(counts.future),
    sentences: total,
  };
}
