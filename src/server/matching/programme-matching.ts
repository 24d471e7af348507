// A programme's matching state, read through the policy: coaches with their profiles and room, waiting
// coachees (a coachee of the programme with a profile and no active engagement in it) with theirs, and
// their choices; the proposed cohort assignment built from them.

import { assignCohort } from "../../core/matching/assignment.ts";
import {
  type CoacheeProfile,
  type CoachProfile,
  type ComponentScore,
  type MatchSettings,
  type PairScore,
  resolveMatchSettings,
  scorePair,
  shortlist,
} from "../../core/matching/match-score.ts";
import type { OrganizationId, PersonId, ProgrammeId } from "../../core/shared/brand.ts";
import type { PersonRecord } from "../../store/organizations/organization.repository.ts";
import type { AppContext } from "../app-context.ts";

export interface MatchingCoach {
  readonly person: PersonRecord;
  readonly profile: CoachProfile;
  /** Active engagements the coach already has in the programme. */
  readonly load: number;
}

export interface WaitingCoachee {
  readonly person: PersonRecord;
  readonly profile: CoacheeProfile;
  /** The coach this coachee chose from their shortlist, if any. */
  readonly choice: PersonId | null;
}

export interface ProgrammeMatching {
  readonly coaches: readonly MatchingCoach[];
  readonly waiting: readonly WaitingCoachee[];
  /** Coachees of the programme with no profile yet (they cannot be matched). */
  readonly withoutProfile: readonly PersonRecord[];
  readonly settings: MatchSettings;
  score(coachee: WaitingCoachee, coach: MatchingCoach): PairScore;
}

export async function loadProgrammeMatching(
  ctx: AppContext,
  orgId: OrganizationId,
  programmeId: ProgrammeId,
): Promise<ProgrammeMatching> {
  const [memberships, people, engagements, choices, overrides] = await Promise.all([
    ctx.repos.organizations.listMemberships(orgId),
    ctx.repos.organizations.listPeople(orgId),
    ctx.repos.engagements.listEngagements(orgId, {}),
    ctx.repos.matching.listChoices(orgId, programmeId),
    ctx.repos.matching.findSettings(orgId, programmeId),
  ]);
  const personById = new Map(people.map((p) => [p.id, p]));
  const inProgramme = (role: "coach" | "coachee") => [
    ...new Set(
      memberships.filter((m) => m.programmeId === programmeId && m.role === role).map((m) => m.personId),
    ),
  ];
  const active = engagements.filter((e) => e.status === "active" && e.programmeId === programmeId);
  // Anyone a coachee has had an engagement with, in any programme, counts as a previous pairing.
  const pastCoaches = new Map<PersonId, Set<string>>();
  for (const e of engagements) {
    const set = pastCoaches.get(e.coachee.id) ?? new Set<string>();
    set.add(e.coach.id);
    pastCoaches.set(e.coachee.id, set);
  }
  const engaged = new Set(active.map((e) => e.coachee.id));
  const coachIds = inProgramme("coach");
  const waitingIds = inProgramme("coachee").filter((id) => !engaged.has(id));
  const [coachProfiles, coacheeProfiles] = await Promise.all([
    ctx.repos.matching.listProfiles(orgId, "coach", coachIds),
    ctx.repos.matching.listProfiles(orgId, "coachee", waitingIds),
  ]);
  const choiceOf = new Map(choices.map((c) => [c.coacheeId, c.coachId]));
  const coaches = coachProfiles.flatMap((stored) => {
    const person = personById.get(stored.personId);
    if (!person) return [];
    const profile = { ...(stored.profile as CoachProfile), id: stored.personId };
    return [{ person, profile, load: active.filter((e) => e.coach.id === stored.personId).length }];
  });
  const waiting = coacheeProfiles.flatMap((stored) => {
    const person = personById.get(stored.personId);
    if (!person) return [];
    const given = stored.profile as CoacheeProfile;
    const previousCoaches = [
      ...new Set([...(given.previousCoaches ?? []), ...(pastCoaches.get(stored.personId) ?? [])]),
    ];
    const profile = { ...given, id: stored.personId, previousCoaches };
    return [{ person, profile, choice: choiceOf.get(stored.personId) ?? null }];
  });
  const profiled = new Set(waiting.map((w) => w.person.id));
  const settings = resolveMatchSettings(overrides);
  const scores = new Map<string, PairScore>();
  return {
    coaches,
    waiting,
    withoutProfile: waitingIds.filter((id) => !profiled.has(id)).flatMap((id) => personById.get(id) ?? []),
    settings,
    // The proposal, its options and a confirmation ask for the same pairs again: each is scored once.
    score: (coachee, coach) => {
      const key = `${coachee.person.id}\u0000${coach.person.id}`;
      let scored = scores.get(key);
      if (scored === undefined) {
        scored = scorePair(coachee.profile, coach.profile, settings);
        scores.set(key, scored);
      }
      return scored;
    },
  };
}

export interface ProposedMatch {
  readonly coachee: WaitingCoachee;
  readonly coach: MatchingCoach | null;
  readonly score: number | null;
  readonly components: readonly ComponentScore[];
  /** "choice": the coachee chose this coach and it fits; "cohort": the optimal assignment's pick. */
  readonly source: "choice" | "cohort" | null;
  /** Why the coachee has no coach in the proposal. */
  readonly reason: string | null;
  /** Every allowed coach with room, best first: the admin's options for an override. */
  readonly options: readonly { readonly coach: MatchingCoach; readonly score: number }[];
}

const roomOf = (coach: MatchingCoach) => Math.max(0, coach.profile.capacity - coach.load);

/**
 * The proposed assignment: coachees' own choices first (where the pair is allowed and the coach has
 * room), then the exact cohort assignment of everyone else over the room left.
 */
export function proposeCohort(matching: ProgrammeMatching): ProposedMatch[] {
  const room = new Map(matching.coaches.map((c) => [c.person.id, roomOf(c)]));
  const coachById = new Map(matching.coaches.map((c) => [c.person.id, c]));
  const pinned = new Map<PersonId, MatchingCoach>();
  for (const coachee of matching.waiting) {
    const coach = coachee.choice === null ? undefined : coachById.get(coachee.choice);
    if (!coach || (room.get(coach.person.id) ?? 0) <= 0 || !matching.score(coachee, coach).allowed) continue;
    pinned.set(coachee.person.id, coach);
    room.set(coach.person.id, (room.get(coach.person.id) ?? 0) - 1);
  }
  const rest = matching.waiting.filter((w) => !pinned.has(w.person.id));
  const waitingById = new Map(rest.map((w) => [w.person.id, w]));
  const solved = assignCohort({
    coachees: rest.map((w) => w.person.id),
    coaches: matching.coaches.map((c) => ({ id: c.person.id, capacity: room.get(c.person.id) ?? 0 })),
    score: (coacheeId, coachId) => {
      const coachee = waitingById.get(coacheeId as PersonId);
      const coach = coachById.get(coachId as PersonId);
      if (!coachee || !coach) return undefined;
      const scored = matching.score(coachee, coach);
      return scored.allowed ? scored.score : undefined;
    },
  });
  const assigned = new Map(solved.assignments.map((a) => [a.coachee, coachById.get(a.coach as PersonId)]));
  const unassigned = new Map(solved.unassigned.map((u) => [u.coachee, u.reason]));
  return matching.waiting.map((coachee) => {
    const chosen = pinned.get(coachee.person.id);
    const coach = chosen ?? assigned.get(coachee.person.id) ?? null;
    const scored = coach ? matching.score(coachee, coach) : null;
    const options = matching.coaches
      .flatMap((c) => {
        const pair = matching.score(coachee, c);
        return pair.allowed && roomOf(c) > 0 ? [{ coach: c, score: pair.score }] : [];
      })
      .sort((a, b) => b.score - a.score || a.coach.person.id.localeCompare(b.coach.person.id));
    return {
      coachee,
      coach,
      score: scored?.allowed ? scored.score : null,
      components: scored?.allowed ? scored.components : [],
      source: coach ? (chosen ? "choice" : "cohort") : null,
      reason: coach ? null : (unassigned.get(coachee.person.id) ?? "no coach has room"),
      options,
    };
  });
}

/** The coachee's shortlist: the three best allowed coaches with room. */
export function shortlistFor(matching: ProgrammeMatching, coachee: WaitingCoachee) {
  const load = new Map(matching.coaches.map((c) => [c.person.id as string, c.load]));
  const byId = new Map(matching.coaches.map((c) => [c.person.id as string, c]));
  return shortlist(
    coachee.profile,
    matching.coaches.map((c) => c.profile),
    matching.settings,
    load,
  ).flatMap((entry) => {
    const coach = byId.get(entry.coach.id);
    return coach ? [{ coach, score: entry.score, components: entry.components }] : [];
  });
}
