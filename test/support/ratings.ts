// Shared steps of the rating tests: the demo coach marks Tom Becker's started session held.

import type { Caller } from "./app.ts";

const ORG = "/api/orgs/demo-org";

/** The seven rated items of the Alliance Check, each answered `score`, plus any `extra` answers. */
export function allianceAnswers(score: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const items = [
    "goals-focus",
    "goals-shared",
    "approach-fit",
    "approach-progress",
    "bond-openness",
    "bond-support",
    "overall",
  ];
  return { ...Object.fromEntries(items.map((id) => [id, score])), ...extra };
}

/**
 * As the demo coach: marks the session of Tom Becker's engagement that has already started (the demo
 * seeds one for yesterday) held, and returns the rating link issued for it.
 */
export async function markTomsSessionHeld(coach: Caller) {
  const { engagements } = (await coach.get(`${ORG}/engagements`)).json() as {
    engagements: Array<{ id: string; coachee: { displayName: string } }>;
  };
  const engagementId = engagements.find((e) => e.coachee.displayName === "Tom Becker")?.id ?? "";
  const { sessions } = (await coach.get(`${ORG}/engagements/${engagementId}`)).json() as {
    sessions: Array<{ id: string; permissions: { markHeld: boolean } }>;
  };
  const sessionId = sessions.find((s) => s.permissions.markHeld)?.id ?? "";
  const held = await coach.post(`${ORG}/sessions/${sessionId}/held`);
  const { url } = (held.json() as { ratingLink: { url: string } }).ratingLink;
  const token = url.match(/\/rate\/([\w-]+)$/)?.[1];
  if (!token) throw new Error(`no rating token in ${url}`);
  return { engagementId, sessionId, url, token };
}
