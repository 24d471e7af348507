// The coach's alerts: the inbox of one organization, acknowledge, and resolve with a note.
import { api, orgPath, withQuery } from "../api.ts";
import type { Alert, AlertFilter } from "../types.ts";

/** The caller's inbox: alerts of the engagements they coach, urgent first, newest first. */
export async function listAlerts(orgId: string, status: AlertFilter = ""): Promise<Alert[]> {
  const path = withQuery(orgPath(orgId, "alerts"), { status });
  return (await api.get<{ alerts: Alert[] }>(path)).alerts;
}

/** Acknowledging twice keeps the first acknowledgement. */
export async function acknowledgeAlert(orgId: string, alertId: string): Promise<Alert> {
  return (await api.post<{ alert: Alert }>(orgPath(orgId, "alerts", alertId, "acknowledge"))).alert;
}

/** `note`: 1–2,000 characters; 409 once resolved. */
export async function resolveAlert(orgId: string, alertId: string, note: string): Promise<Alert> {
  return (await api.post<{ alert: Alert }>(orgPath(orgId, "alerts", alertId, "resolve"), { note })).alert;
}
