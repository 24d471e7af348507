// Which instruments the coachee and the coach are asked after a held session: the Alliance Check every
// time, the periodic check-ins on their schedule, the wellbeing screen when the coachee turned it on.

import { FIVE_PILLARS_SESSIONS, PERIODIC_CHECK_EVERY_DEFAULT } from "./constants.ts";

/** Instrument ids of the built-ins the schedule names (src/core/instruments/builtins). */
export const CHECK_IN_INSTRUMENTS = {
  allianceCheck: "alliance-check",
  coachMirror: "coach-mirror",
  coachAttributes: "coach-attributes",
  fivePillarsCoachee: "five-pillars-coachee",
  fivePillarsCoach: "five-pillars-coach",
  sideEffects: "side-effects-check",
  wellbeing: "wellbeing-screen",
} as const;

export interface SessionPlace {
  /** 1-based number of the held session in its engagement. */
  readonly sessionNumber: number;
  /** How many sessions the engagement plans, when known; the session with this number is the last. */
  readonly plannedSessions: number | null;
}

export interface CoacheeSchedule extends SessionPlace {
  /** Coach attributes and side effects every this many sessions (programme setting, default 3). */
  readonly periodicCheckEvery?: number;
  /** The coachee turned the wellbeing screen on for this engagement. */
  readonly wellbeingScreen: boolean;
}

function isLast({ sessionNumber, plannedSessions }: SessionPlace): boolean {
  return plannedSessions !== null && sessionNumber === plannedSessions;
}

function isFivePillarsSession(place: SessionPlace): boolean {
  return FIVE_PILLARS_SESSIONS.includes(place.sessionNumber) || isLast(place);
}

/**
 * What the coachee is asked after session `sessionNumber`, in the order the rating page shows it: the
 * Alliance Check (always, first: it is the 60-second core); the wellbeing screen (every session while
 * turned on — PHQ-2 and GAD-2 ask about the last two weeks); the side-effects check (every
 * `periodicCheckEvery`th session and at the last); the coach attributes (every `periodicCheckEvery`th);
 * the five pillars (sessions 3, 6 and the last). Session numbers start at 1.
 */
export function coacheeInstrumentsFor(schedule: CoacheeSchedule): string[] {
  const every = schedule.periodicCheckEvery ?? PERIODIC_CHECK_EVERY_DEFAULT;
  const periodic = schedule.sessionNumber % every === 0;
  const ids: string[] = [CHECK_IN_INSTRUMENTS.allianceCheck];
  if (schedule.wellbeingScreen) ids.push(CHECK_IN_INSTRUMENTS.wellbeing);
  if (periodic || isLast(schedule)) ids.push(CHECK_IN_INSTRUMENTS.sideEffects);
  if (periodic) ids.push(CHECK_IN_INSTRUMENTS.coachAttributes);
  if (isFivePillarsSession(schedule)) ids.push(CHECK_IN_INSTRUMENTS.fivePillarsCoachee);
  return ids;
}

/**
 * What the coach is asked after session `sessionNumber`: the coach mirror (always, with the prediction of
 * the coachee's total), and the five pillars as a self-view at sessions 3, 6 and the last, beside the
 * coachee's view of the same five.
 */
export function coachInstrumentsFor(place: SessionPlace): string[] {
  const ids: string[] = [CHECK_IN_INSTRUMENTS.coachMirror];
  if (isFivePillarsSession(place)) ids.push(CHECK_IN_INSTRUMENTS.fivePillarsCoach);
  return ids;
}
