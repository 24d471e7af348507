// The whole analysis of one transcript: roles, one coded utterance per turn with its circumplex position,
// per-speaker and session metrics, the circumplex means, lag-1 sequences and flagged moments.

import { median, roundTo } from "../shared/numbers.ts";
import { err, ok, type Result } from "../shared/result.ts";
import { type CircumplexPoint, meanOf, type Octant, octantOf, positionOf } from "./circumplex.ts";
import { type Code, codeCoacheeTurn, codeCoachTurn } from "./coding.ts";
import { type MitiLevel, mitiLevel, PERCENT_COMPLEX_REFLECTIONS, REFLECTION_TO_QUESTION } from "./miti.ts";
import { assignRoles, type Role } from "./roles.ts";
import { type Association, associationOf, tabulate } from "./sequences.ts";
import { type TemporalFocus, temporalFocusOf } from "./temporal-focus.ts";
import { namesFeeling, wordCount } from "./text.ts";
import type { Transcript, TranscriptFormat } from "./transcript.ts";

/** An overlap counts as an interruption when the new speaker starts more than this before the other ends. */
export const INTERRUPTION_OVERLAP_SECONDS = 0.5;

export interface Utterance {
  readonly index: number;
  readonly speaker: string;
  readonly role: Role;
  readonly start: number | null;
  readonly end: number | null;
  readonly text: string;
  readonly codes: readonly Code[];
  readonly primary: Code;
  readonly dominance: number;
  readonly friendliness: number;
}

export interface SpeakerSummary {
  readonly name: string;
  readonly role: Role;
  readonly words: number;
  /** Turns at talk: runs of consecutive utterances by this speaker. */
  readonly turns: number;
  readonly utterances: number;
  /** Share of talk, 0–1: by time when every utterance is timed, else by words. */
  readonly talkShare: number;
  readonly longestMonologue: { readonly words: number; readonly seconds: number | null };
  readonly questions: number;
  /** Questions per turn at talk. */
  readonly questionRate: number;
  readonly openQuestions: number;
  readonly closedQuestions: number;
  /** Open per closed question; null without closed questions. */
  readonly openClosedRatio: number | null;
  readonly dominance: number;
  readonly friendliness: number;
}

export interface Flag {
  readonly kind: "hooked" | "interruption" | "reflection_of_feeling" | "checking_understanding";
  readonly index: number;
  readonly message: string;
}

export interface Analysis {
  readonly format: TranscriptFormat;
  readonly speakers: readonly SpeakerSummary[];
  readonly utterances: readonly Utterance[];
  readonly metrics: {
    readonly timed: boolean;
    readonly talkShareBasis: "time" | "words";
    readonly durationSeconds: number | null;
    readonly speakerSwitches: number;
    /** Speaker switches per minute; null without times. */
    readonly interactivity: number | null;
    /**
     * Median seconds between the coachee's end and the coach's reply (overlaps count as 0); null when the
     * source gives no ends (plain text, Otter), as for overlaps and interruptions, which are then 0.
     */
    readonly coachMedianPauseSeconds: number | null;
    readonly overlaps: number;
    readonly interruptions: number;
    readonly coachReflections: number;
    readonly coachQuestions: number;
    readonly reflectionToQuestionRatio: number | null;
    readonly percentComplexReflections: number | null;
    readonly miti: {
      readonly reflectionToQuestion: MitiLevel | null;
      readonly complexReflections: MitiLevel | null;
    };
    readonly coacheeShareOfWords: number;
    readonly coacheeTemporalFocus: TemporalFocus;
  };
  readonly circumplex: {
    readonly coach: CircumplexPoint & { readonly octant: Octant };
    readonly coachee: CircumplexPoint & { readonly octant: Octant };
  };
  readonly sequences: {
    /** Coach friendly → coachee friendly (reciprocity: Q > 0). */
    readonly friendlinessCoachToCoachee: Association;
    readonly friendlinessCoacheeToCoach: Association;
    /** Coach dominant → coachee dominant (complementarity: Q < 0, dominance met by yielding). */
    readonly dominanceCoachToCoachee: Association;
    readonly dominanceCoacheeToCoach: Association;
    /** Coach dominant-friendly → coachee dominant (M4: the coach's lead activates the coachee). */
    readonly dominantFriendlyActivation: Association;
    /** Yule's Q of friendliness coach → coachee; null when undefined. */
    readonly reciprocityOfFriendliness: number | null;
    /** −Q of dominance coach → coachee: positive when the coach's dominance meets yielding. */
    readonly complementarityOfDominance: number | null;
  };
  readonly flags: readonly Flag[];
  readonly warnings: readonly string[];
}

const CHECKING =
  /(?:,\s*(?:right|is that right|is that it)\s*\?\s*$)|\b(?:did i get that right|have i understood|is that what you mean|am i hearing you|have i got that right|is that right\?)/i;

/** Analyses a parsed transcript; `coach` names the coach (else the roles are guessed, with a warning). */
export function analyzeTranscript(transcript: Transcript, coach?: string): Result<Analysis, string> {
  const assigned = assignRoles(transcript.turns, coach);
  if (!assigned.ok) return err(assigned.error);
  const roles = assigned.value;
  const turns = transcript.turns;
  const utterances: Utterance[] = [];
  let interruptions = 0;
  let overlaps = 0;
  const pauses: number[] = [];
  const flags: Flag[] = [];
  // The latest turn of each speaker so far, to find the other speaker's previous turn in constant time.
  const latestBy = new Map<string, { text: string; index: number }>();
  // Each turn's word count, counted once (circumplex, talk shares, monologues).
  const wordCounts = turns.map((turn) => wordCount(turn.text));
  turns.forEach((turn, index) => {
    const role = roles.bySpeaker.get(turn.speaker) ?? "coachee";
    const previousTurn = turns[index - 1];
    let otherBefore: { text: string; index: number } | null = null;
    for (const [speaker, latest] of latestBy) {
      if (speaker !== turn.speaker && (otherBefore === null || latest.index > otherBefore.index))
        otherBefore = latest;
    }
    latestBy.set(turn.speaker, { text: turn.text, index });
    const previousByOther = previousTurn && previousTurn.speaker !== turn.speaker ? previousTurn : null;
    const coded: { codes: readonly Code[]; primary: Code } =
      role === "coach"
        ? codeCoachTurn(turn.text, otherBefore?.text ?? null)
        : codeCoacheeTurn(turn.text, otherBefore?.text ?? null);
    let interrupting = false;
    if (transcript.endsGiven && previousByOther && turn.start !== null && previousByOther.end !== null) {
      const gap = turn.start - previousByOther.end;
      if (gap < 0) {
        overlaps++;
        if (-gap > INTERRUPTION_OVERLAP_SECONDS) {
          interrupting = true;
          interruptions++;
          flags.push({
            kind: "interruption",
            index,
            message: `${turn.speaker} starts ${roundTo(-gap, 1)} s before ${previousByOther.speaker} has finished.`,
          });
        }
      }
      if (role === "coach") pauses.push(Math.max(0, gap));
    }
    const position = positionOf(turn.text, coded.codes, interrupting, wordCounts[index]);
    const utterance: Utterance = {
      index,
      speaker: turn.speaker,
      role,
      start: turn.start,
      end: turn.end,
      text: turn.text,
      codes: coded.codes,
      primary: coded.primary,
      ...position,
    };
    utterances.push(utterance);
    const before = utterances[index - 1];
    if (
      role === "coach" &&
      before?.role === "coachee" &&
      before.codes.includes("emotion_expressed") &&
      coded.codes.some((c) => c === "advice" || c === "persuade" || c === "confront")
    ) {
      flags.push({
        kind: "hooked",
        index,
        message: `Right after ${before.speaker} expressed a feeling, ${turn.speaker} offers ${coded.codes.includes("advice") ? "advice or a solution" : "an opinion"} instead of staying with it.`,
      });
    }
    if (role === "coach" && coded.codes.some((c) => c.startsWith("reflection.")) && namesFeeling(turn.text)) {
      flags.push({
        kind: "reflection_of_feeling",
        index,
        message: `${turn.speaker} reflects a feeling back.`,
      });
    }
    if (role === "coach" && CHECKING.test(turn.text)) {
      flags.push({
        kind: "checking_understanding",
        index,
        message: `${turn.speaker} checks their understanding.`,
      });
    }
  });

  const timed = turns.length > 0 && turns.every((t) => t.start !== null && t.end !== null);
  const words = (u: Utterance) => wordCounts[u.index] ?? 0;
  const totalWords = utterances.reduce((sum, u) => sum + words(u), 0) || 1;
  const spoken = (u: Utterance) => (u.start !== null && u.end !== null ? u.end - u.start : 0);
  const totalTime = utterances.reduce((sum, u) => sum + spoken(u), 0);
  const byTime = timed && totalTime > 0;
  const speakers: SpeakerSummary[] = [...roles.bySpeaker].map(([name, role]) => {
    const own = utterances.filter((u) => u.speaker === name);
    const spokenWords = own.reduce((sum, u) => sum + words(u), 0);
    const runs: Utterance[][] = [];
    utterances.forEach((u, i) => {
      if (u.speaker !== name) return;
      if (utterances[i - 1]?.speaker === name) runs.at(-1)?.push(u);
      else runs.push([u]);
    });
    const monologues = runs.map((run) => {
      const first = run[0];
      const last = run.at(-1);
      return {
        words: run.reduce((sum, u) => sum + words(u), 0),
        seconds:
          first?.start != null && last?.end != null ? roundTo(Math.max(0, last.end - first.start), 1) : null,
      };
    });
    const longest = monologues.reduce((a, b) => (b.words > a.words ? b : a), {
      words: 0,
      seconds: null as number | null,
    });
    const open = own.filter((u) => u.codes.includes("question.open")).length;
    const closed = own.filter((u) => u.codes.includes("question.closed")).length;
    const questions =
      role === "coach" ? open + closed : own.filter((u) => u.codes.includes("question")).length;
    const mean = meanOf(own);
    return {
      name,
      role,
      words: spokenWords,
      turns: runs.length,
      utterances: own.length,
      talkShare: roundTo(
        byTime ? own.reduce((sum, u) => sum + spoken(u), 0) / totalTime : spokenWords / totalWords,
      ),
      longestMonologue: longest,
      questions,
      questionRate: roundTo(runs.length === 0 ? 0 : questions / runs.length),
      openQuestions: open,
      closedQuestions: closed,
      openClosedRatio: closed === 0 ? null : roundTo(open / closed),
      ...mean,
    };
  });

  const coachUtterances = utterances.filter((u) => u.role === "coach");
  const coacheeUtterances = utterances.filter((u) => u.role === "coachee");
  // MITI 4.2.1 counts a summary as a (usually complex) reflection.
  const reflections = coachUtterances.filter((u) =>
    u.codes.some((c) => c.startsWith("reflection.") || c === "summary"),
  ).length;
  const complex = coachUtterances.filter(
    (u) => u.codes.includes("reflection.complex") || u.codes.includes("summary"),
  ).length;
  const coachQuestions = coachUtterances.filter((u) => u.codes.some((c) => c.startsWith("question."))).length;
  const reflectionToQuestion = coachQuestions === 0 ? null : roundTo(reflections / coachQuestions, 2);
  const percentComplex = reflections === 0 ? null : roundTo((complex / reflections) * 100, 1);
  const switches = utterances.filter((u, i) => i > 0 && utterances[i - 1]?.speaker !== u.speaker).length;
  const first = turns[0];
  const last = turns.at(-1);
  const duration =
    timed && first?.start != null && last?.end != null ? roundTo(last.end - first.start, 1) : null;

  // Lag-1 pairs: an utterance and the next one, when the speaker changes role.
  const pairsFrom = (from: Role) =>
    utterances.flatMap((u, i) => {
      const next = utterances[i + 1];
      return u.role === from && next && next.role !== from ? [[u, next] as const] : [];
    });
  const coachPairs = pairsFrom("coach");
  const coacheePairs = pairsFrom("coachee");
  const friendly = (u: Utterance) => u.friendliness > 0;
  const dominant = (u: Utterance) => u.dominance > 0;
  const friendlinessCoachToCoachee = associationOf(tabulate(coachPairs, friendly, friendly));
  const dominanceCoachToCoachee = associationOf(tabulate(coachPairs, dominant, dominant));
  const coachMean = meanOf(coachUtterances);
  const coacheeMean = meanOf(coacheeUtterances);

  return ok({
    format: transcript.format,
    speakers,
    utterances,
    metrics: {
      timed,
      talkShareBasis: byTime ? "time" : "words",
      durationSeconds: duration,
      speakerSwitches: switches,
      interactivity: duration && duration > 0 ? roundTo(switches / (duration / 60), 2) : null,
      coachMedianPauseSeconds: median(pauses) === null ? null : roundTo(median(pauses) ?? 0, 2),
      overlaps,
      interruptions,
      coachReflections: reflections,
      coachQuestions,
      reflectionToQuestionRatio: reflectionToQuestion,
      percentComplexReflections: percentComplex,
      miti: {
        reflectionToQuestion: mitiLevel(reflectionToQuestion, REFLECTION_TO_QUESTION),
        complexReflections: mitiLevel(percentComplex, PERCENT_COMPLEX_REFLECTIONS),
      },
      coacheeShareOfWords: roundTo(coacheeUtterances.reduce((sum, u) => sum + words(u), 0) / totalWords),
      coacheeTemporalFocus: temporalFocusOf(coacheeUtterances.map((u) => u.text)),
    },
    circumplex: {
      coach: { ...coachMean, octant: octantOf(coachMean) },
      coachee: { ...coacheeMean, octant: octantOf(coacheeMean) },
    },
    sequences: {
      friendlinessCoachToCoachee,
      friendlinessCoacheeToCoach: associationOf(tabulate(coacheePairs, friendly, friendly)),
      dominanceCoachToCoachee,
      dominanceCoacheeToCoach: associationOf(tabulate(coacheePairs, dominant, dominant)),
      dominantFriendlyActivation: associationOf(
        tabulate(coachPairs, (u) => dominant(u) && friendly(u), dominant),
      ),
      reciprocityOfFriendliness: friendlinessCoachToCoachee.yulesQ,
      complementarityOfDominance:
        dominanceCoachToCoachee.yulesQ === null ? null : roundTo(-dominanceCoachToCoachee.yulesQ),
    },
    flags: flags.sort((a, b) => a.index - b.index),
    warnings: roles.warnings,
  });
}
