// The matching endpoints: an admin's cohort proposal, its confirmation, profile import and evidence; a
// coachee's shortlists and choice.
import { api, orgPath } from "../api.ts";
import type { CohortView, MatchEvidence, MatchSettings, MatchSettingsView, Shortlists } from "../types.ts";

const matchingPath = (orgId: string, programmeId: string, ...rest: string[]) =>
  orgPath(orgId, "programmes", programmeId, "matching", ...rest);

export function fetchCohort(orgId: string, programmeId: string): Promise<CohortView> {
  return api.get<CohortView>(matchingPath(orgId, programmeId, "cohort"));
}

export function confirmCohort(
  orgId: string,
  programmeId: string,
  pairs: Array<{ coacheeId: string; coachId: string }>,
): Promise<{ started: number }> {
  return api.post<{ started: number }>(matchingPath(orgId, programmeId, "cohort"), { pairs });
}

export function importProfiles(
  orgId: string,
  programmeId: string,
  role: "coach" | "coachee",
  csv: string,
): Promise<{ imported: number }> {
  return api.put<{ imported: number }>(matchingPath(orgId, programmeId, "profiles"), { role, csv });
}

export function fetchEvidence(orgId: string, programmeId: string): Promise<MatchEvidence> {
  return api.get<MatchEvidence>(matchingPath(orgId, programmeId, "evidence"));
}

export function fetchShortlists(orgId: string): Promise<Shortlists> {
  return api.get<Shortlists>(orgPath(orgId, "matching", "shortlist"));
}

export function chooseCoach(
  orgId: string,
  programmeId: string,
  coachId: string | null,
): Promise<{ chosen: string | null }> {
  return api.put<{ chosen: string | null }>(matchingPath(orgId, programmeId, "choice"), { coachId });
}

/** Ends the engagement early so the coachee can be matched with another coach. */
export function rematch(
  orgId: string,
  engagementId: string,
): Promise<{ closed: boolean; cancelledSessions: number }> {
  return api.post<{ closed: boolean; cancelledSessions: number }>(
    orgPath(orgId, "engagements", engagementId, "rematch"),
    {},
  );
}

export function fetchMatchSettings(orgId: string, programmeId: string): Promise<MatchSettingsView> {
  return api.get<MatchSettingsView>(matchingPath(orgId, programmeId, "settings"));
}

export function saveMatchSettings(
  orgId: string,
  programmeId: string,
  settings: MatchSettings,
): Promise<MatchSettingsView> {
  return api.put<MatchSettingsView>(matchingPath(orgId, programmeId, "settings"), settings);
}
