// The periodic check-ins of an engagement, the coachee's wellbeing-check-in switch, the planned number of
// sessions, and a programme's support resources.
import { api, orgPath } from "../api.ts";
import type { CheckInSession, SupportResource, SupportResourcesView } from "../types.ts";

/** The held sessions with check-ins; the coach's self-view only to the coach, the wellbeing check-in only to the coachee. */
export async function fetchCheckIns(orgId: string, engagementId: string): Promise<CheckInSession[]> {
  const path = orgPath(orgId, "engagements", engagementId, "check-ins");
  return (await api.get<{ sessions: CheckInSession[] }>(path)).sessions;
}

/** The coachee only (404 for anyone else). */
export async function setWellbeingScreen(
  orgId: string,
  engagementId: string,
  enabled: boolean,
): Promise<boolean> {
  const path = orgPath(orgId, "engagements", engagementId, "wellbeing-screen");
  return (await api.put<{ wellbeingScreen: boolean }>(path, { enabled })).wellbeingScreen;
}

/** The coach or a programme admin; 1–100, or null for "not planned". */
export async function setPlannedSessions(
  orgId: string,
  engagementId: string,
  plannedSessions: number | null,
): Promise<number | null> {
  const path = orgPath(orgId, "engagements", engagementId, "planned-sessions");
  return (await api.put<{ plannedSessions: number | null }>(path, { plannedSessions })).plannedSessions;
}

export function fetchSupportResources(orgId: string, programmeId: string): Promise<SupportResourcesView> {
  return api.get<SupportResourcesView>(orgPath(orgId, "programmes", programmeId, "support-resources"));
}

/** Programme admins; at most 10; 400 names the field (`body.resources.<n>.name`). */
export function saveSupportResources(
  orgId: string,
  programmeId: string,
  resources: SupportResource[],
): Promise<SupportResourcesView> {
  return api.put<SupportResourcesView>(orgPath(orgId, "programmes", programmeId, "support-resources"), {
    resources,
  });
}
