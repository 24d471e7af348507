// Words and sentences of a turn, with the small lexicons the coder and the metrics share.

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** The words of a text, lower-cased (`don't` stays one word). */
export function wordsOf(text: string): string[] {
  // Lower-case and straighten apostrophes once for the whole text, not word by word.
  return text.toLowerCase().replace(/’/g, "'").match(WORD) ?? [];
}

/** How many words a text has (as `wordsOf` counts them), without building the list. */
export function wordCount(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count++;
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
