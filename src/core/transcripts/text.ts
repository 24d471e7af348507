// Words and sentences of a turn, with the small lexicons the coder and the metrics share.

/**
 * A word: letters and digits, with apostrophe-joined letters kept on ("don't", "o'clock"). This pattern
 * defines it; `forEachWord` scans for exactly these matches without a regular expression, as counting and
 * listing words is the analyser's hottest work (the unit tests check the two agree on arbitrary text).
 */
export const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

const LETTER = /^\p{L}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** The length (1 or 2 code units) of a letter — or, with `digits`, a letter or digit — at `i`, or 0. */
function wordCharAt(text: string, i: number, digits: boolean): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (digits && c >= 48 && c <= 57) ? 1 : 0;
  const char = String.fromCodePoint(text.codePointAt(i) ?? c);
  return (digits ? LETTER_OR_DIGIT : LETTER).test(char) ? char.length : 0;
}

/** Calls `visit(start, end)` for each match of `WORD` in `text`, in order. */
function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let step = wordCharAt(text, i, true);
    if (step === 0) {
      i += 1;
      continue;
    }
    const start = i;
    while (step > 0) {
      i += step;
      step = i < n ? wordCharAt(text, i, true) : 0;
    }
    // Apostrophe-joined letters: "'t" in "don't", each followed by letters only.
    while (i + 1 < n && (text.charCodeAt(i) === 39 || text.charCodeAt(i) === 0x2019)) {
      let letter = wordCharAt(text, i + 1, false);
      if (letter === 0) break;
      i += 1;
      while (letter > 0) {
        i += letter;
        letter = i < n ? wordCharAt(text, i, false) : 0;
      }
    }
    visit(start, i);
  }
}

/** The words of a text, lower-cased, with typographic apostrophes straightened (`don't` stays one word). */
export function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  forEachWord(lower, (start, end) => {
    const word = lower.slice(start, end);
    words.push(word.includes("’") ? word.replace(/’/g, "'") : word);
  });
  return words;
}

/** How many words a text has (as `wordsOf` counts them), without building the list. */
export function wordCount(text: string): number {
  let count = 0;
  forEachWord(text, () => {
    count += 1;
  });
  return count;
}

/** The sentences of a text: split after `.`, `!`, `?` or `…` followed by a space; never empty. */
export function sentencesOf(text: string): string[] {
  const sentences = text
    .split(/(?<=[.!?…])\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return sentences.length > 0 ? sentences : [text.trim()];
}

/** Words that carry little content, left out when comparing what two turns talk about. */
const STOP_WORDS = new Set(
  (
    "a an the and or but so if then than that this these those it its it's i i'm i've i'd i'll me my mine " +
    "you you're you've you'd you'll your yours he she they them their we us our is are was were be been " +
    "being am do does did have has had having to of in on at by for with about as from into over under " +
    "just really very quite not no yes yeah okay ok well oh um uh like what how why when where who which " +
    "can could would should will shall may might must there here all some any more most much many " +
    "get got go going gone thing things something anything kind sort lot bit feel feeling felt sounds sound " +
    "seems seem think know mean say said saying hear hearing"
  ).split(" "),
);

/** The content words of a text (no stop words, at least three letters). */
export function contentWordsOf(text: string): string[] {
  return wordsOf(text).filter((word) => word.length >= 3 && !STOP_WORDS.has(word));
}

/** Crude stem, so that "worried" and "worry", "stuck" and "sticking" meet: the first five letters. */
export function stem(word: string): string {
  return word.slice(0, 5);
}

/**
 * Words naming feelings (our own list of common English emotion words, for reflections of feeling, the
 * coachee's emotional disclosures and the hooked-moment flag).
 */
export const FEELING_WORDS = new Set(
  (
    "afraid angry annoyed anxious ashamed betrayed bitter calm confident confused content crushed " +
    "defeated delighted disappointed discouraged disheartened drained dread embarrassed energised " +
    "energized exhausted excited fearful frightened frustrated furious glad grateful guilty happy " +
    "helpless hopeful hopeless hurt insecure irritated jealous lonely lost nervous overwhelmed panicked " +
    "proud rejected relieved resentful sad scared shaken stressed stuck tense terrified tired torn " +
    "trapped uneasy unhappy upset unsettled vulnerable worried worry worrying fear frustration " +
    "anger sadness shame guilt pride relief disappointment exhaustion stress anxiety overwhelm " +
    "hurtful burned burnt burnout miserable thrilled disrespected undervalued unappreciated ignored " +
    "isolated heavy weighed weighing dreading invisible unheard unseen sidelined dismissed undermined " +
    "overlooked pressured cornered humiliated humiliating frustrating embarrassing shaking drowning " +
    "reeling wobbly irritable scary frightens frightening ambushed gutted devastated heartbroken " +
    "uncomfortable awkward powerless useless worthless resentment dreaded lonely"
  ).split(" "),
);

/** Whether a text names a feeling. */
export function namesFeeling(text: string): boolean {
  return wordsOf(text).some((word) => FEELING_WORDS.has(word));
}

/** Minimal acknowledgements: a turn of only these is a backchannel. */
const BACKCHANNEL_WORDS = new Set(
  "mm mhm hmm hm mm-hm uh huh uh-huh right okay ok yes yeah yep sure i see got it go on ah oh aha true".split(
    " ",
  ),
);

/** A short turn of acknowledgements only ("Mm-hm.", "Right, okay.", "I see."). */
export function isBackchannel(text: string): boolean {
  const words = wordsOf(text.replace(/-/g, " "));
  if (words.length === 0 || words.length > 4) return false;
  const joined = words.join(" ");
  if (/^(i see|got it|go on|uh huh|mm hm)$/.test(joined)) return true;
  return words.every((word) => BACKCHANNEL_WORDS.has(word)) && !/\?\s*$/.test(text);
}
