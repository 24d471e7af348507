// The "who sees what" endpoint, generated on the server from the visibility policy.
import { api, orgPath } from "../api.ts";
import type { PrivacyRow } from "../types.ts";

export async function fetchPrivacyRows(orgId: string): Promise<PrivacyRow[]> {
  return (await api.get<{ rows: PrivacyRow[] }>(orgPath(orgId, "privacy"))).rows;
}
