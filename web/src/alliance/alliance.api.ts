// The alliance trend of one engagement: a point per held session, the cut-off, and the coach's alerts.
import { api, orgPath } from "../api.ts";
import type { AllianceTrend } from "../types.ts";

/** For the engagement's coach and coachee; `alerts` is filled only for the coach. */
export function fetchAlliance(orgId: string, engagementId: string): Promise<AllianceTrend> {
  return api.get<AllianceTrend>(orgPath(orgId, "engagements", engagementId, "alliance"));
}
