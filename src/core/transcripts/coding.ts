// Utterance coding: exactly one coded utterance per turn, from transparent rules over the turn's words and
// the other speaker's previous turn (docs/transcripts.md lists every rule with an example). Coach codes
// follow the MITI 4.2.1 behaviour counts adapted to coaching; coachee codes the coaching conversation.

import {
  contentWordsOf,
  FEELING_WORDS,
  isBackchannel,
  namesFeeling,
  sentencesOf,
  stem,
  wordsOf,
} from "./text.ts";

export const COACH_CODES = [
  "question.open",
  "question.closed",
  "reflection.simple",
  "reflection.complex",
  "affirmation",
  "summary",
  "information",
  "advice",
  "feedback",
  "self_disclosure",
  "challenge",
  "seeking_collaboration",
  "emphasizing_autonomy",
  "persuade",
  "confront",
  "structuring",
  "repair",
  "backchannel",
  "other",
] as const;
export type CoachCode = (typeof COACH_CODES)[number];

export const COACHEE_CODES = [
  "change_talk",
  "sustain_talk",
  "goal_directed",
  "self_exploration",
  "emotion_expressed",
  "question",
  "agreement",
  "disagreement",
  "backchannel",
  "other",
] as const;
export type CoacheeCode = (typeof COACHEE_CODES)[number];

export type Code = CoachCode | CoacheeCode;

export interface Coding<C extends Code> {
  /** Every code that applies, in the order of the lists above. */
  readonly codes: readonly C[];
  /** The main one: the function of the turn's final sentence (a tag such as "right?" does not count). */
  readonly primary: C;
}

/** The four classes the coach codes are evaluated in (docs/transcripts.md, "Accuracy"). */
export type CoachClass = "question" | "reflection" | "input" | "other";

export function coachClassOf(code: CoachCode): CoachClass {
  switch (code) {
    case "question.open":
    case "question.closed":
      return "question";
    case "reflection.simple":
    case "reflection.complex":
    case "summary":
      return "reflection";
    case "information":
    case "advice":
    case "feedback":
    case "self_disclosure":
    case "persuade":
      return "input";
    default:
      return "other";
  }
}

// --- Cues. Each is a regular expression over one sentence, case-insensitive. ---

const LEADING_FILLER =
  /^(?:(?:and|so|but|okay|ok|well|now|right|alright|then|oh|um|uh|hmm|yeah|yes)[,.]?\s+)+/i;
/** A short check at the end of a reflection: "…, right?", "…, is that it?". */
const TAG =
  /[,;–—-]\s*(?:right|yes|no|yeah|correct|true|is that (?:right|it|so|fair|true)|am i right|does that (?:sound right|fit))\s*\??\s*$/i;
const TAG_SENTENCE =
  /^(?:right|yes|no|correct|true|is that (?:right|it|so|fair|true)|am i right|does that (?:sound right|fit|resonate)|have i got that right|did i get that right|is that close|did i miss anything|have i missed anything|is that a fair (?:picture|summary)|is that fair|does that capture it)\s*\??$/i;

const REPAIR =
  /\b(?:sorry|i apologi[sz]e|(?:my )?apologies|my (?:mistake|bad)|i was wrong|i got (?:that|it) wrong|(?:i )?cut you off|i interrupted|interrupting you|that came out wrong|i shouldn'?t have|let me take that back|i jumped in|i got ahead of|i should have (?:chosen|asked|listened|checked|waited|let you|said)|thanks? (?:you )?for (?:correcting|telling me when|pointing (?:that|it) out)|steamroll\w*)\b/i;
const STRUCTURING =
  /\b(?:agenda|minutes? (?:left|remaining)|time (?:check|left)|let'?s (?:move on|turn to|come back|pause|wrap|start|begin|recap|look at|spend)|before we (?:finish|end|close|wrap)|for (?:the rest of )?(?:today|this session)|next (?:session|time we meet|week'?s session)|we have (?:about|around|only)|to wrap up|shall we (?:start|begin|move)|move on|as we agreed last time|in our (?:last|next) session|halfway through|(?:last|final) few minutes|let'?s (?:book|schedule|set|meet)|how long (?:you'?ve|we'?ve|do (?:we|you)) (?:got|have)|we booked|booked (?:an|the) hour|same time next|(?:we|you) (?:have|'ve got|'ve) (?:about |around |only |just )?(?:\w+(?:-\w+)? )?(?:minutes|an hour|hours)\b|same (?:time|slot) (?:in|next)|next session in)\b/i;
const SEEKING_COLLABORATION =
  /\b(?:would it be (?:ok|okay|alright|all right|helpful|useful) (?:if|to)|may i (?:share|offer|suggest|ask|give|make)|can i (?:share|offer|suggest|give|make|throw)|do you mind if|would you (?:like|want) (?:me to|to hear|some)|would that be (?:ok|okay|helpful|useful)|how would you like to (?:use|spend|approach)|which (?:would you prefer|of (?:these|those) (?:would|feels|seems))|or would you (?:rather|prefer)|what would be most (?:useful|helpful)|shall we|how do you want to (?:use|spend|approach)|let'?s (?:think|figure|work) (?:this|it) out together|together|would it help (?:to|if)|how does that sound|rather (?:go|talk|focus|start|spend)|or (?:turn|move|go|look|stay|focus|spend) (?:to|on|with)|is there somewhere else|which (?:would|will|do you think would) be (?:more |most )?(?:useful|helpful)|would it help (?:more |most )?(?:to|if)|would you (?:like|prefer|rather) to [^?]*,? or |rather (?:begin|look|work)|we could [^.?]*,? or )\b/i;
const AUTONOMY =
  /\b(?:(?:it'?s|that'?s|this is) (?:entirely |completely |really )?(?:yours?|up to you)|(?:this|that|it) (?:one )?is yours|your (?:call|choice|decision)|you decide|up to you|you know (?:your|best|yourself|them) (?:best|better)?|you'?re the (?:expert|best judge|one who knows)|whatever you (?:decide|choose)|only you can|you get to (?:choose|decide)|no right (?:or|and) wrong|you don'?t have to|you(?:'re| are) free to|it'?s yours to)\b/i;
const ADVICE_QUESTION =
  /^(?:have you (?:tried|considered|thought (?:about|of))|what if you|why don'?t you|could you (?:try|just)|wouldn'?t it be (?:better|easier)|how about (?:you|trying)|did you (?:try|consider) )/i;
const CHALLENGE =
  /\b(?:and yet|but (?:you|earlier you) (?:also )?(?:said|told|mentioned)|what(?:'s| is) (?:stopping|holding) you|what if (?:that|it|this) (?:isn'?t|wasn'?t|weren'?t) (?:true|the case)|is that (?:really|actually) (?:true|the case|so)|how do you know|what evidence|what are you not saying|what would it take|what (?:would|will) happen if you (?:don'?t|didn'?t|do nothing)|what'?s the cost of|who says|what are you avoiding|how is that working|what part (?:did|do) you play|what story are you telling|i wonder (?:whether|if) (?:that'?s|it'?s) (?:the only|really|true)|you(?:'re| are) describing (?:it|this) as|either-or|you (?:say|said|told me) [^.?!]*\b(?:yet|but)\b|you don'?t (?:actually|really) know|(?:maybe|perhaps) that'?s (?:part of )?(?:why|how)|(?:may|might) (?:also )?be (?:why|part of why))\b/i;
const SUMMARY =
  /\b(?:so far|to sum(?:marise|marize)? up|let me (?:pull|sum|summari[sz]e|recap)|in summary|let me (?:see if|check) i'?ve got|(?:you'?ve|you have) (?:mentioned|talked about|told me about|said|described) (?:a few|several|three|two|a number|a couple)|putting (?:it|this|that) (?:all )?together|to recap|from what you'?ve (?:said|told me)|(?:first|one),.*(?:second|another|and then),)\b/i;
const CONFRONT =
  /\b(?:that'?s (?:not (?:true|right|good enough|how)|wrong|ridiculous|an excuse|nonsense|just an excuse)|you(?:'re| are) (?:wrong|making excuses|not listening|just|being (?:defensive|difficult|unreasonable))|you always|you never|stop (?:making|blaming|complaining|whining)|excuses?|i (?:don'?t|do not) (?:buy|accept) that|be honest with yourself|what were you thinking|come on|grow up|you should have known|that was a mistake|you(?:'re| are) (?:under|over)estimating|telling yourself a story|isn'?t a plan)\b/i;
const PERSUADE =
  /\b(?:trust me|believe me|the (?:truth|fact|reality) is|you (?:really )?(?:have to|need to) (?:see|understand|accept|realise|realize)|surely you|honestly,? you|there'?s no (?:way|reason|point)|you can'?t (?:keep|afford|let)|obviously|clearly,? you|any(?:one|body) (?:would|in your)|i'?m telling you|the only (?:option|answer)|it'?s (?:obvious|clear) that|you'?d be (?:crazy|mad|foolish)|unless you|if you (?:don'?t|let (?:this|it|him|her|them)|stay quiet|keep (?:waiting|avoiding|putting)|wait|do nothing|say nothing)|a small price|you'?ll (?:start )?(?:losing|lose|regret)|i'?ve seen it|people like \w+ only|only respect|it'?s not (?:a|an) \w+,? it'?s|i'?d push back|that'?s (?:leadership|weakness|strength),? not|don'?t last)\b/i;
const AFFIRMATION =
  /\b(?:you(?:'ve| have)? (?:done|shown|handled|managed|worked|put) (?:a lot|so much|really|well|hard|great|real)|(?:took|takes) (?:real |some |a lot of )?(?:courage|guts|honesty|nerve|grit)|(?:that'?s|that is|how) (?:impressive|admirable|brave|courageous)|i (?:admire|appreciate|respect|value) (?:how|that|your|the way)|well done|great (?:work|job|progress)|you should be proud|(?:that'?s|that is) a (?:real )?strength|credit to you|you(?:'re| are) (?:clearly|really) (?:committed|determined|thoughtful|resourceful|someone who cares)|your (?:honesty|persistence|commitment|courage|care) (?:is|shows|comes)|you(?:'ve| have) come a long way|that shows (?:real|how much)|that'?s a (?:really |very )?(?:smart|clear|great|good|strong|brave|lovely|wise|thoughtful|fair|big) (?:reframe|position|step|insight|move|choice|plan|way|idea)|you(?:'ve| have) (?:found a way|thought hard|turned|built|learned to|done the hard)|that says a lot about|you(?:'re| are) someone who (?:wants|cares)|comes through in|you did the hard part|says a lot about|real (?:strength|knack|gift|talent)|you(?:'ve| have) been (?:really |very |so )?(?:thoughtful|honest|brave|open|generous|courageous)|(?:that'?s|that is|what) a (?:very |really )?(?:honest|thoughtful|brave|generous|mature|wise) (?:thing|plan|move|step|choice|question|insight)|comes from (?:real |genuine )?care|says a (?:great deal|lot) about|you (?:put|said) (?:that|it) better than)\b/i;
const SELF_DISCLOSURE =
  /\b(?:i (?:remember|recall) (?:when|being|feeling)|when i was|in my (?:own )?(?:experience|career|first|early|old)|i(?:'ve| have) (?:been there|felt (?:that|the same)|struggled|found myself|had (?:a|the) (?:similar|same))|i used to|i once|that happened to me|for me personally|i felt (?:that|the same)|i went through|my own (?:experience|team|manager|boss)|speaking for myself|i do (?:exactly )?the same|someone (?:gave|told) me|i(?:'ll| will) be honest,? i|my (?:book|first (?:job|year|team))|i had (?:a|the) same|years ago,? i|when i (?:ran|started|led|worked|managed|was (?:a|in|at|new))|i (?:ran|led|managed|founded|was (?:in|at|once) (?:a|an|the|my)|worked (?:as|in|at|for) (?:a|an|the|my))|that'?s what i did|what (?:i|we) did (?:was|when|at)|my (?:first|old|last|previous) (?:company|job|role|firm|school|boss|manager)|at my (?:first|old|last|previous) (?:company|job|firm|school))\b/i;
const FEEDBACK =
  /\b(?:i (?:noticed|notice|observed|observe|see) (?:that\b|how |when |you)|what i(?:'m| am) (?:noticing|seeing|observing)|when you (?:said|did|talked|spoke|described|presented) (?:that|this|it)?.*(?:i|it)|one thing i(?:'ve)? notice|my (?:observation|impression|sense) is|you (?:tend|seem) to|i(?:'ve| have) noticed|you came across|you (?:sounded|looked|seemed) (?:more|less|really)|your (?:voice|energy|tone) (?:changed|dropped|lifted)|you interrupted|(?:your (?:team|reports|direct reports|colleagues|peers|manager|boss)|\w+) (?:said|says|wrote|rated|reported|say) (?:that )?(?:you|your|they'?re)|i can (?:hear|see) (?:the|how|that)|what strikes me|watching you|(?:that'?s|it'?s) a (?:lovely|good|great|strong|clear) way (?:in|to)|you (?:sound|seem|look|come across) (?:\w+ )?(?:lighter|calmer|clearer|brighter|more|less|different|tired|flat|stuck|certain|unsure|confident|defensive|rushed|energi[sz]ed)|of your (?:\w+ )?(?:reports|team|staff|colleagues|peers|managers) (?:said|say|wrote|rated|mentioned)|(?:the|your) (?:weak|weakest|strong|strongest|main) (?:area|point|spot|part|section|gap) is|that'?s your (?:\w+ )?(?:problem|issue|gap|blind spot)|by your own account|(?:have|has) (?:told|said to) me (?:that )?(?:you|your)|(?:give|share|offer) you (?:some |a bit of |a little )?(?:\w+ )?feedback|(?:your|the|this) (?:draft|deck|plan|proposal|email|message|application|statement|cv|section|slide) (?:is|reads|feels|looks|has|needs|doesn'?t))\b/i;
const ADVICE =
  /\b(?:you (?:should|need to|must|ought to|have to|might want to|could try|could always|may want to|might consider|could just)|i(?:'d| would) (?:suggest|recommend|advise|encourage you)|my (?:advice|suggestion|recommendation)|if i were you|the best (?:thing|way|approach) (?:is|would be)|make sure (?:you|to)|what you (?:need|should) (?:to )?do is|it (?:might|would|could) help (?:to|if you)|one (?:option|idea|approach) (?:is|would be|could be)|here'?s what you(?:'re| are) going to do|it (?:might|could|may) be worth|worth (?:trying|considering|a try)|a (?:good|useful|simple) (?:first )?step (?:is|would be|might be)|the trick is|what (?:works|helps) (?:is|for many)|you could (?:do|ask|start|try|use|say|write|send|give|book|set|share|offer|bring|put|make|tell|talk|take|pick|consider|delegate|hand)|here'?s what you (?:do|need|could)|i(?:'d| would) (?:\w+ )?(?:start|do|ask|tell|write|script|send|go|talk|call|book|put|take|pick|use|make|give|share|say|try|focus|begin|lead|bring|keep|drop|wait|push|hire|delegate|hand) (?:it|them|that|this|with|by|a|an|the|your|him|her)|(?:,|;|\band|\bso) (?:just )?(?:tell|ask|write|send|talk to|give|make|book|put|share|call|use|pick|read|own|stand up) (?:them|him|her|it|the|your|a|an|that)\b)/i;
const LEADING_PHRASE_IMPERATIVE =
  /^(?:in|at|before|after|when|for|during|next|every|each|on|this|tomorrow)\b[^,]{0,60},\s*(?:try|make|tell|ask|write|schedule|set|talk|go|start|stop|take|let|consider|think|focus|remember|give|put|send|book|delegate|say|keep|avoid|call|block|plan|prepare|practi[cs]e|count|pause)\b/i;
/** Verbs a coach tells someone to do something with, in the imperative. */
const IMPERATIVE_VERBS =
  "try|make|tell|ask|write|schedule|set|talk|go (?!on\\b|ahead\\b)(?=\\w)|start|stop|take|let (?:them|him|her|it|go)|consider|think about|focus on|remember|give|put|send|book|delegate|prioriti[sz]e|say|don'?t|do|be|keep|avoid|call|email|block|plan|prepare|practi[sc]e|just|read|use|pick|choose|stand|own|share|bring|get|draft|list|name|drop|cut|hand|check|sign|script|sit|lead|raise|aim|commit|decide|note|ring|phone|reply|stay|step|push|turn|learn|find|add|agree|offer|show|treat|trust|hold|protect|wait|come back|go back|write down|run|limit|cap|stick|frame|open with|close with|lead with|start with|end with|promote|hire|move";
const IMPERATIVE_START = new RegExp(
  `^(?:(?:first(?: thing)?|second|next|step one|one)[:,]\\s*)?(?:${IMPERATIVE_VERBS})\\b`,
  "i",
);
/** An imperative after a clause: "…, so promote Beatriz before the raise", "…; get it in writing". */
const MID_IMPERATIVE = new RegExp(
  `(?:[,;:]\\s*|\\bso\\s+)(?:just\\s+)?(?:${IMPERATIVE_VERBS})\\s+(?:them|him|her|it|the|your|a|an|that|this|\\w+ (?:to|before|first))\\b`,
  "i",
);
/** A suggested script: "Something like: 'Greg, could you…?'", "Say: 'I'd like…'". */
const QUOTED_SCRIPT = /\b(?:something like|say|write|tell (?:him|her|them)|try)[:,]?\s*["“']/i;
/** Advice said in so many words, which outranks a collaborative "together" in the same sentence. */
const EXPLICIT_ADVICE =
  /\b(?:i(?:'d| would) (?:suggest|recommend|advise)|my (?:\w+ )?(?:advice|suggestion|recommendation))\b/i;
const INFORMATION =
  /\b(?:research (?:shows|suggests|says)|studies|(?:it'?s|that'?s|this is) (?:very )?(?:common|normal|typical|natural)|many (?:people|leaders|managers|new managers|coachees)|most (?:people|leaders|managers)|there are (?:two|three|several|a few|different)|(?:the|a) (?:model|framework|term|concept|tool|method|technique) (?:called|is|that)|is called|typically|on average|the (?:policy|process|rule|procedure) (?:is|says)|percent|%|in general|generally,|the way (?:it|this) works|for example,|that'?s what .* means|evidence|data|rates? you|out of (?:\d|five|ten)|average|often (?:more|less|the)|usually|some (?:people|successors|leaders|managers|teams)|in case it'?s useful|are asked to|nothing you say|confidential|goes to your|generally|normally|as a rule|in most cases|more likely|less likely|far more often|(?:most|many|few|plenty of|quite a few|lots of) (?:\w+ ){0,2}\w+s (?:now |still |often |usually )?(?:do|are|have|find|tend|get|go|react|respond|expect|want|struggle|start|say|need|prefer|use|look)|\w+s (?:tend to|usually|typically) |(?:policies|rules|guidelines|contracts|the law|the guidance|the scheme|the framework) (?:say|says|require|requires|allow|allows|weight|weights|expect|expects)|panels|interviewers|recruiters|employers)\b/i;
const REFLECTIVE_STEM =
  /^(?:(?:it |that )?sounds|it seems (?:like|that)?|seems like|it feels like|you(?:'re| are)|you(?:'ve| have)|you (?:feel|felt|want|wish|worry|think|believe|find|sense|hope|don'?t|can'?t|need|see|really|care|value|would|had|were|are|mean|wonder|might)|part of you|what i(?:'m| am)? hear(?:ing)?|i hear|i(?:'m| am) hearing|i get the sense|on (?:the )?one hand|it'?s (?:like|as if|been)|you'?d (?:like|rather)|so (?:you|it|there'?s|the|this|that'?s)|this (?:is|has been)|that (?:sounds|must|seems)|there'?s (?:a|some) (?:part|sense)|almost as if|as if)\b/i;
/**
 * The stems that mark a reflection in themselves — the coach says they are giving back what they heard or
 * sense ("It sounds like…", "You feel…", "So you…"). A bare "You're…" or "You've…" does not: it can as well
 * open the coach's own view of the coachee (affirmation, feedback, challenge).
 */
const STRONG_REFLECTIVE_STEM =
  /^(?:(?:it |that )?sounds|it seems (?:like|that)?|seems like|it feels like|you (?:feel|felt|want|wish|worry|think|believe|find|sense|hope|wonder|might)|you(?:'re| are) (?:feeling|wondering|thinking|worried|asking|saying|telling me)|part of you|what i(?:'m| am)? hear(?:ing)?|i hear|i(?:'m| am) hearing|i get the sense|on (?:the )?one hand|you'?d (?:\w+ )?(?:like|rather)|so (?:you|it|there'?s|the|this|that'?s)|that (?:must|seems)|there'?s (?:a|some) (?:part|sense)|almost as if|as if)\b/i;
/** Words that judge the coachee's doing well: "That took nerve.", "That's real self-knowledge." */
const POSITIVE_EVALUATION =
  /\b(?:honest|honesty|courage|courageous|brave|bravery|nerve|grit|guts|thoughtful|insight(?:ful)?|self-knowledge|self-awareness|foresight|wise|wisdom|impressive|admirable|resourceful|generous|mature|proud|credit|(?:isn'?t|is not|wasn'?t|not) (?:easy|nothing|a small thing)|takes? (?:real |some |a lot of )?(?:skill|work|effort|strength|care))\b/i;
/** Reflective turns of phrase anywhere in a statement: "… felt like being exposed", "isn't so much X as Y". */
const REFLECTIVE_ANYWHERE =
  /\b(?:felt like|feels like|isn'?t (?:so much|just|only) (?:about|a|an|the)|wasn'?t (?:so much|just|only) about)\b/i;
const COMPLEX_MARKERS =
  /\b(?:like a|as if|as though|kind of like|sort of like|on (?:the )?one hand|part of you|and at the same time|and yet|but also|underneath|deep down|more than|really about|what matters|it'?s not (?:just|only|really) about|the final straw)\b/i;
const GREETING =
  /^(?:hi|hello|hey|good (?:morning|afternoon|evening)|welcome|thanks|thank you|bye|see you|take care|nice to|good to (?:see|hear))\b/i;
const OPEN_START =
  /^(?:what|how|why|tell me|describe|walk me|talk me|say more|in what way|what'?s|how'?s|where do you see|when you think|could you (?:tell|say|describe|walk)|can you (?:tell|say|describe|walk)|would you (?:tell|say|describe))/i;
/** Prompts that invite talk without a question mark: "Tell me more.", "I'm curious what you make of it." */
const OPEN_PROMPT =
  /^(?:tell me (?:more|about|what|how)|say (?:a bit )?more|talk me through|walk me through|help me understand|describe|i(?:'m| am) curious (?:what|how|about|to hear)|i wonder what)\b/i;
const FAREWELL = /^(?:take (?:good )?care|see you|bye|goodbye|all the best)\b/i;
const CLOSED_START =
  /^(?:do|does|did|is|are|was|were|can|could|will|would|have|has|had|should|shall|may|might|am|who|when|where|which|isn'?t|aren'?t|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|haven'?t)\b/i;

function isQuestion(sentence: string): boolean {
  const core = sentence.replace(LEADING_FILLER, "");
  return /\?\s*["”’']?\s*$/.test(sentence) || (/^(?:what|how|why)\b/i.test(core) && !/\.\s*$/.test(sentence));
}

function questionCode(sentence: string): "question.open" | "question.closed" {
  const core = sentence.replace(LEADING_FILLER, "");
  if (OPEN_START.test(core)) return "question.open";
  if (CLOSED_START.test(core)) return "question.closed";
  // A question with "what" or "how" later ("And then what happened?") is open; others closed.
  return /\b(?:what|how|why)\b/i.test(core) ? "question.open" : "question.closed";
}

/** A sentence that speaks of the other person: "you", "your", "you're", "yourself"… */
const SPEAKS_OF_YOU = /\byou(?:r|'re|'ve|'d|rself)?\b/i;

/** The coachee's turn a coach turn answers, as its content-word stems (worked out once per turn). */
interface Heard {
  readonly stems: ReadonlySet<string>;
}
const NOTHING_HEARD: ReadonlySet<string> = new Set();

/** The content-word stems of a text, for comparing a reflection with what it reflects. */
function stems(text: string): Set<string> {
  return new Set(contentWordsOf(text).map(stem));
}

function reflectionDepth(sentence: string, heard: Heard | null): "reflection.simple" | "reflection.complex" {
  const before = heard?.stems ?? NOTHING_HEARD;
  const own = contentWordsOf(sentence).map(stem);
  const newFeeling = wordsOf(sentence).some((word) => FEELING_WORDS.has(word) && !before.has(stem(word)));
  if (newFeeling || COMPLEX_MARKERS.test(sentence)) return "reflection.complex";
  const fresh = own.filter((s) => !before.has(s)).length;
  return own.length >= 3 && fresh / own.length >= 0.5 ? "reflection.complex" : "reflection.simple";
}

/** How much of a sentence's content the other speaker's previous turn already had (0–1). */
function overlapWith(sentence: string, heard: Heard | null): number {
  if (!heard) return 0;
  const before = heard.stems;
  const own = contentWordsOf(sentence).map(stem);
  return own.length === 0 ? 0 : own.filter((s) => before.has(s)).length / own.length;
}

/** The codes of one coach sentence, the first being its function. */
/**
 * Cues are looked for in at most this many characters of a sentence: what a sentence does shows at its
 * start, and a bound keeps every pattern linear on a runaway sentence (a transcript without punctuation).
 */
export const CUE_WINDOW = 600;

function window(sentence: string): string {
  return sentence.length <= CUE_WINDOW ? sentence : sentence.slice(0, CUE_WINDOW);
}

function coachSentence(whole: string, heard: Heard | null): CoachCode[] {
  const sentence = window(whole);
  const core = sentence.replace(LEADING_FILLER, "").replace(TAG, "");
  const codes: CoachCode[] = [];
  const add = (code: CoachCode) => {
    if (!codes.includes(code)) codes.push(code);
  };
  if (REPAIR.test(core)) add("repair");
  // A suggested script is advice, even when the quoted words end in a question mark.
  if (QUOTED_SCRIPT.test(core)) {
    add("advice");
    return codes;
  }
  if (EXPLICIT_ADVICE.test(core)) add("advice");
  if (SEEKING_COLLABORATION.test(core)) add("seeking_collaboration");
  if (AUTONOMY.test(core)) add("emphasizing_autonomy");
  if (STRUCTURING.test(core)) add("structuring");
  const tagged = TAG.test(sentence);
  if (isQuestion(core) && !tagged) {
    if (ADVICE_QUESTION.test(core)) add("advice");
    if (CHALLENGE.test(core)) add("challenge");
    add(questionCode(core));
    return codes;
  }
  if (OPEN_PROMPT.test(core)) {
    add("question.open");
    return codes;
  }
  if (FAREWELL.test(core)) {
    add("other");
    return codes;
  }
  if (SUMMARY.test(core) || SUMMARY.test(sentence)) add("summary");
  if (CONFRONT.test(core)) add("confront");
  if (PERSUADE.test(core)) add("persuade");
  if (AFFIRMATION.test(core)) add("affirmation");
  if (SELF_DISCLOSURE.test(core)) add("self_disclosure");
  if (FEEDBACK.test(core)) add("feedback");
  if (
    ADVICE.test(core) ||
    IMPERATIVE_START.test(core) ||
    LEADING_PHRASE_IMPERATIVE.test(core) ||
    MID_IMPERATIVE.test(core)
  )
    add("advice");
  if (INFORMATION.test(core)) add("information");
  if (CHALLENGE.test(core)) add("challenge");
  const reflective =
    REFLECTIVE_STEM.test(core) ||
    tagged ||
    // "So three weeks in a row, the plan got pushed aside." gives the coachee's story back.
    /^so\b/i.test(sentence.trim()) ||
    REFLECTIVE_ANYWHERE.test(core) ||
    (overlapWith(core, heard) >= 0.5 && !/^i\b/i.test(core));
  if (reflective && codes.every((c) => c === "challenge")) add(reflectionDepth(core, heard));
  if (codes.length === 0 && GREETING.test(core)) add("other");
  // A statement about the coachee that is nothing else, answering their turn, reflects it: it speaks of
  // "you" or picks up their words, and carries no opinion of the coach's own ("I think", "I'd").
  if (
    codes.length === 0 &&
    heard !== null &&
    !/^(?:i|we|let'?s|my|our)\b/i.test(core) &&
    !/\bi(?:'d|'m| think| believe| would)?\b/i.test(core) &&
    (SPEAKS_OF_YOU.test(core) || overlapWith(core, heard) >= 0.3) &&
    core.split(/\s+/).length >= 3
  ) {
    add(reflectionDepth(core, heard));
  }
  if (codes.length === 0) add("other");
  return codes;
}

function ordered<C extends Code>(all: readonly C[], codes: Iterable<C>): C[] {
  const set = new Set(codes);
  return all.filter((code) => set.has(code));
}

/** The sentences whose function decides the primary: the final one, unless it is only a tag. */
function decisive(sentences: readonly string[]): number {
  const last = sentences.length - 1;
  return last > 0 && TAG_SENTENCE.test((sentences[last] ?? "").replace(LEADING_FILLER, "")) ? last - 1 : last;
}

/** Typographic apostrophes as plain ones, so that "it’s" reads as "it's" for every cue. */
const plainApostrophes = (text: string) => text.replace(/[\u2018\u2019\u02bc]/g, "'");

/** A greeting in a turn's first sentence: "Hi Sofia", "Morning, Priya.", "Jonas, hello!", "Welcome back!". */
const OPENING_GREETING =
  /^(?:\w+[,!]?\s+)?(?:hi|hello|hey|(?:good )?(?:morning|afternoon|evening)|welcome(?: back)?|(?:it'?s )?(?:good|great|lovely|nice) to see you)\b/i;

/**
 * Whether a statement is at most weakly a reflection: no reflective stem of its own, no feeling named and
 * not a word in common with the coachee's turn.
 */
function weakReflection(sentence: string, heard: Heard | null): boolean {
  return (
    !STRONG_REFLECTIVE_STEM.test(sentence.replace(LEADING_FILLER, "")) &&
    !namesFeeling(sentence) &&
    !/\bfe(?:el|els|lt|eling)\b/i.test(sentence) &&
    overlapWith(sentence, heard) === 0
  );
}

/** A statement of the coach's own (not a reflection): praise, a view of the coachee, or information. */
function ownView(sentence: string): CoachCode {
  if (POSITIVE_EVALUATION.test(sentence)) return "affirmation";
  return SPEAKS_OF_YOU.test(sentence) ? "feedback" : "information";
}

/**
 * A question that opens the work of the session ("What would you like to use our time for?"), unlike small
 * talk ("How was the drive in?").
 */
const SESSION_CUE =
  /\b(?:today|session|our time|the time|start|focus|on your mind|work on|bring|talk about|like to|want to|come away|get out of|know about)\b/i;

function isSessionQuestion(sentence: string): boolean {
  return /\?\s*$/.test(sentence) && SESSION_CUE.test(window(sentence));
}

/** Codes a coach turn; `previous` is the coachee's turn before it, if any. */
export function codeCoachTurn(raw: string, previousRaw: string | null): Coding<CoachCode> {
  const text = plainApostrophes(raw);
  const previous = previousRaw === null ? null : plainApostrophes(previousRaw);
  if (isBackchannel(text)) return { codes: ["backchannel"], primary: "backchannel" };
  // Opening small talk ("Hi Sofia, come in.", "Luca! Good to see you.") is other; but a greeting in front
  // of a question is not coded, so "Hi Sam. What's on your mind?" is the question (labelling guide, rule 4).
  const sentences = sentencesOf(text);
  if (
    (/^(?:hi|hello|hey|good (?:morning|afternoon|evening))\b/i.test(text.trim()) ||
      (previous === null && sentences.slice(0, 2).some((s) => OPENING_GREETING.test(s)))) &&
    !isSessionQuestion(sentences.at(-1) ?? "")
  ) {
    return { codes: ["other"], primary: "other" };
  }
  const heard: Heard | null = previous === null ? null : { stems: stems(previous) };
  const coded = sentences.map((sentence) => coachSentence(sentence, heard));
  const main = decisive(sentences);
  let primary = coded[main]?.[0] ?? "other";
  // A closing tag question makes the sentence before it a reflection's check, not a question.
  if (main < sentences.length - 1 && primary === "other")
    primary = reflectionDepth(sentences[main] ?? "", heard);
  // A summary keeps its name when it ends in a check ("Did I miss anything?", "Is that a fair picture?"),
  // and through its last statements ("…Your plan is a hard stop at eight.").
  if (
    coded.some((codes) => codes.includes("summary")) &&
    (main < sentences.length - 1 ||
      primary.startsWith("question.") ||
      primary.startsWith("reflection.") ||
      primary === "feedback" ||
      primary === "information")
  ) {
    primary = "summary";
  }
  // A last sentence read as a reflection only by the fallback (no reflective stem, no check, little of the
  // coachee's words) is weaker evidence than an earlier sentence that informs, advises or gives feedback:
  // "Panels generally expect three to five. Four is within range." informs.
  const last = sentences[main] ?? "";
  if (
    primary.startsWith("reflection.") &&
    !REFLECTIVE_STEM.test(last.replace(LEADING_FILLER, "")) &&
    main === sentences.length - 1 &&
    overlapWith(last, heard) < 0.5
  ) {
    const input = coded
      .slice(0, main)
      .flat()
      .find((code) => coachClassOf(code) === "input");
    if (input !== undefined) primary = input;
  }
  // In a longer turn, a last sentence read as a reflection only by a weak cue (no reflective stem of its
  // own, no check) that shares no content word with the coachee's turn gives the coach's own view, not the
  // coachee's: an earlier sentence's definite code decides; else praise is affirmation, and a statement is
  // feedback when it speaks of the coachee ("You just worked that out in thirty seconds."), else information.
  if (
    primary.startsWith("reflection.") &&
    sentences.length > 1 &&
    main === sentences.length - 1 &&
    weakReflection(last, heard)
  ) {
    const definite = coded
      .slice(0, main)
      .flat()
      .find((code) => code !== "other" && !code.startsWith("reflection.") && !code.startsWith("question."));
    primary = definite ?? ownView(last);
  }
  // A whole turn of one statement that answers the coachee and is nothing else gives their meaning back,
  // even without "you" or their words: "Two very different doors opening at once."
  if (
    primary === "other" &&
    sentences.length === 1 &&
    previous !== null &&
    wordsOf(last).length >= 5 &&
    !/\b(?:i|we|let'?s|my|our)\b/i.test(last) &&
    !GREETING.test(last)
  ) {
    primary = POSITIVE_EVALUATION.test(last) ? "affirmation" : reflectionDepth(last, heard);
  }
  // A bare "other" at the end of a turn that did something else (a closing "Take your time.") defers to it
  // — unless that was only a reflection and the last sentence, sharing nothing with the coachee's turn,
  // praises or says something of substance: then it is the coach's own view ("…and you're staying with
  // the question. That isn't easy.").
  if (primary === "other") {
    const earlier = coded.flat().find((code) => code !== "other");
    const ownStatement =
      earlier?.startsWith("reflection.") === true &&
      main > 0 &&
      weakReflection(last, heard) &&
      (POSITIVE_EVALUATION.test(last) || wordsOf(last).length >= 5);
    if (ownStatement) primary = ownView(last);
    else if (earlier !== undefined) primary = earlier;
    // A turn of sentences with no code at all that ends in a statement of fact about neither speaker
    // informs: "No. The presentation counts towards one criterion. The other four come from the questions."
    else if (
      main > 0 &&
      wordsOf(last).length >= 5 &&
      !/\b(?:i|me|my|we|us|our|let'?s)\b/i.test(last) &&
      !SPEAKS_OF_YOU.test(last) &&
      !GREETING.test(last) &&
      !FAREWELL.test(last)
    )
      primary = "information";
  }
  const codes = ordered(COACH_CODES, [...coded.flat(), primary]);
  return { codes: codes.length > 1 ? codes.filter((c) => c !== "other" || c === primary) : codes, primary };
}

// --- Coachee ---

const AGREEMENT_START =
  /^(?:yes|yeah|yep|exactly|right|fine\b|will do|pretty much|works for me|fine by me|that sounds (?:good|right|great|fair|useful)|got it|point taken|something like that|(?:a little|a bit|kind of|sort of),? yes|probably true|you'?re not wrong|that'?s (?:it|right|true|exactly|fair)|absolutely|definitely|true|i agree|agreed|sure|correct|totally|precisely|you'?re right|that'?s a good point|good point|fair enough|sounds (?:good|right|fair|great|like a plan)|deal\b|(?:that'?s|it'?s) (?:true|fair)|makes sense|that makes sense)\b/i;
const DISAGREEMENT_START =
  /^(?:no\b|nope|not really|i don'?t (?:think|agree|see it)|that'?s not|i disagree|actually,? no|i'?m not sure (?:that|about|i agree)|not exactly|well,? no|i wouldn'?t say|hmm,? no)/i;
/** Pushing back on the coach anywhere in a sentence: "I wouldn't call it a fight.", "That's not fair." */
const DISAGREEMENT =
  /\b(?:i wouldn'?t (?:call|say|put) it|i don'?t think (?:that'?s|that one'?s|it'?s|you'?re) (?:on me|fair|right|true|it|the point)|that'?s not (?:fair|true|right|it|what (?:i|happened))|you weren'?t (?:there|in the room)|not to (?:be|get) told|i don'?t agree|i disagree)\b/i;
const CHANGE_TALK =
  /\b(?:i (?:could|can) (?:try|start|do|ask|talk|speak|say|make|change|give)|i(?:'ll| will) (?:try|do|start|talk|ask|make|speak|give|book|send|set|have|block)|i(?:'m| am) going to|i (?:really |just |probably )?(?:want|need) to (?:change|stop|start|be|get|improve|learn|speak|say|do|try)|i'?d better|i (?:probably|definitely|think i|guess i) can\b|it would be (?:better|good|great) (?:if|to)|i(?:'m| am) (?:ready|willing|determined)|i (?:decided|committed)|i(?:'ve| have) (?:started|begun|already)|i tried (?:it|that|what)|i did (?:it|that)|maybe i (?:could|should|can)|i should (?:probably|really)?|i (?:can|could) see myself|next (?:week|time) i|i(?:'m| am) (?:going to|gonna)|i want to be (?:a|the|more|less|better))\b/i;
const SUSTAIN_TALK =
  /\b(?:i can'?t|there'?s no (?:point|way|time)|it won'?t (?:work|help|change)|that'?s (?:just )?(?:how|the way) (?:it is|i am|things are)|i don'?t (?:want to|see the point|have (?:the )?time|think (?:i can|that will|it would))|not (?:possible|realistic)|nothing (?:will|i can|changes)|i(?:'ve| have) tried (?:everything|that already|all)|why (?:should|would) i|it'?s not (?:my (?:job|problem|fault)|up to me)|i(?:'m| am) (?:fine|ok|okay) (?:as|the way|with how)|i don'?t need|it'?s (?:too late|pointless|hopeless)|they'?ll never|i(?:'m| am) not (?:going to|ready|sure i can|the type)|i(?:'m| am) not (?:sure|convinced) (?:i|i'?m|i'?ve|that|it|one|this)|i(?:'m| am) (?:still )?not convinced|i don'?t (?:see (?:myself|the point|what|why|how)|trust|really (?:see|want)|have (?:\w+ )?(?:time|hours|budget|capacity))|(?:that'?s|it'?s) (?:impossible|too soon|not (?:realistic|fair))|too soon|not promising|hard to (?:shake|change|see)|i can'?t see (?:myself|how|it)|i'?d lose|what'?s the point|(?:time|hours|money|budget|capacity|energy) i don'?t have)\b/i;
/** Feelings said without a feeling word: "it scares me", "it's keeping me up at night". */
const EMOTION_PHRASE =
  /\b(?:i (?:feel|felt|'m feeling|am feeling|was feeling|'ve felt|have felt|still feel)|(?:it|this|that) (?:\w+ )?feels like|fed up|(?:lie|lying|lay|lain) awake|worries me|(?:really )?annoys me|sore spot|in tears|burst into tears|stomach (?:drop|drops|churn)|scares? me|keep(?:s|ing)? me up|makes? me (?:feel|sick|anxious|nervous)|i can'?t stop (?:replaying|thinking)|devastated|gutted|feel(?:ing)? sick|(?:good|bad) weird|breaks? my heart|terrif(?:ied|ying)|it'?s been (?:hard|tough|rough|a lot)|it hurts|i hate|i dread|gets to me|drives me (?:crazy|mad))\b/i;
/** Any "I could/can/will …" that is not a refusal: ability or commitment toward a step. */
const ABILITY_OR_COMMITMENT =
  /\bi(?:'ll| will| could| can(?!'?t)| might| would rather|'d rather)\s+(?!not\b)\w+/i;
const GOAL =
  /\b(?:i want (?:to|my|the|a|more)|i'?d (?:like|love) to|my (?:goal|aim|hope|plan|priority|objective)|i(?:'m| am) (?:aiming|hoping|planning) (?:to|for)|i hope to|i plan to|by (?:next|the end)|what i(?:'d| would)? (?:really )?(?:want|need|like|love)\b[^.?!]{0,40}\bis|i (?:just |really )?want (?:them|him|her|us|people|someone|everyone)|i (?:need|have) to (?:get|be|have|figure|decide|find)|i(?:'d| would) like (?:us|to))\b/i;
const SELF_EXPLORATION =
  /\b(?:i (?:realise|realize|realised|realized|guess i|suppose i|tend to|always|never|often|notice (?:that )?i|wonder if i|think (?:i|that i|maybe i|it'?s because i))|i(?:'m| am) (?:the kind|someone who|a person who|the sort)|maybe (?:it'?s|because) i|for me,? (?:it'?s|the)|it matters to me|i value|i care (?:about|a lot)|looking back|my pattern|part of me|i(?:'ve| have) (?:always|never)|the truth is,? i|if i'?m honest|i hadn'?t (?:realised|realized|thought)|that'?s (?:why|because) i|i think (?:i|what)|i see now)\b/i;

function coacheeSentence(whole: string): CoacheeCode[] {
  const sentence = window(whole);
  const codes: CoacheeCode[] = [];
  const add = (code: CoacheeCode) => {
    if (!codes.includes(code)) codes.push(code);
  };
  if (/\?\s*["”’']?\s*$/.test(sentence)) add("question");
  if (DISAGREEMENT_START.test(sentence) || DISAGREEMENT.test(sentence)) add("disagreement");
  else if (AGREEMENT_START.test(sentence)) add("agreement");
  if (SUSTAIN_TALK.test(sentence)) add("sustain_talk");
  if (CHANGE_TALK.test(sentence)) add("change_talk");
  if (GOAL.test(sentence)) add("goal_directed");
  if (ABILITY_OR_COMMITMENT.test(sentence) && !codes.includes("sustain_talk")) add("change_talk");
  if (namesFeeling(sentence) || EMOTION_PHRASE.test(sentence)) add("emotion_expressed");
  if (SELF_EXPLORATION.test(sentence)) add("self_exploration");
  // Talk about oneself that is none of the above explores oneself ("I tell myself the meeting is more urgent").
  if (
    codes.length === 0 &&
    /\b(?:i|i'm|i've|i'd|me|my|myself)\b/i.test(sentence) &&
    sentence.split(/\s+/).length >= 4
  ) {
    add("self_exploration");
  }
  // A leading "yes"/"no" only decides when nothing else was said in the sentence.
  if (codes.length > 1 && (codes[0] === "agreement" || codes[0] === "disagreement")) {
    const [first, ...rest] = codes;
    if (sentence.split(/\s+/).length > 6 && first !== undefined) return [...rest, first];
  }
  if (codes.length === 0) add("other");
  return codes;
}

/** Codes a coachee turn; `previous` is the coach's turn before it, if any (unused by today's rules). */
export function codeCoacheeTurn(raw: string, _previous: string | null): Coding<CoacheeCode> {
  const text = plainApostrophes(raw);
  if (isBackchannel(text) && !/^(?:yes|yeah|right|true|sure)\W*$/i.test(text.trim())) {
    return { codes: ["backchannel"], primary: "backchannel" };
  }
  const sentences = sentencesOf(text);
  const coded = sentences.map(coacheeSentence);
  let primary: CoacheeCode = coded[sentences.length - 1]?.[0] ?? "other";
  // A last sentence that is only talk about oneself, without a cue of its own, continues what an earlier
  // sentence did: "I'd like to be able to say something calm. Even one sentence, just so they know."
  const last = window(sentences[sentences.length - 1] ?? "");
  if (primary === "self_exploration" && !SELF_EXPLORATION.test(last)) {
    const definite = coded
      .slice(0, -1)
      .flat()
      .filter((code) => !["other", "question", "self_exploration", "agreement", "backchannel"].includes(code))
      .at(-1);
    if (definite !== undefined) primary = definite;
  }
  if (primary === "other") {
    const earlier = coded.flat().find((code) => code !== "other");
    if (earlier !== undefined) primary = earlier;
  }
  const codes = ordered(COACHEE_CODES, [...coded.flat(), primary]);
  return { codes: codes.length > 1 ? codes.filter((c) => c !== "other" || c === primary) : codes, primary };
}
