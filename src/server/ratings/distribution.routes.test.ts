import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, signIn, type TestApp, testApp } from "../../../test/support/app.ts";
import type {
  EngagementId,
  IsoInstant,
  MembershipId,
  Minutes,
  OrganizationId,
  PersonId,
  ProgrammeId,
  SessionId,
} from "../../core/shared/brand.ts";

const ORG = "demo-org" as OrganizationId;
const LEADERS = "demo-leaders" as ProgrammeId;

/** A coachee in Leading with Purpose, coached by `coachId`, with one held session rated `total` of 40. */
async function ratedEngagement(t: TestApp, name: string, coachId: PersonId, total: number): Promise<void> {
  const now = t.clock.now();
  const { organizations, engagements, ratings } = t.ctx.repos;
  const person = `p-${name}` as PersonId;
  await organizations.insertPerson(
    { organizationId: ORG, id: person, accountId: null, displayName: name, email: `${name}@example.org` },
    now,
  );
  await organizations.insertMembership(
    {
      organizationId: ORG,
      id: `m-${name}` as MembershipId,
      personId: person,
      programmeId: LEADERS,
      role: "coachee",
    },
    now,
  );
  const engagement = `e-${name}` as EngagementId;
  await engagements.insertEngagement(
    {
      organizationId: ORG,
      id: engagement,
      programmeId: LEADERS,
      coachId,
      coacheeId: person,
      sponsorId: null,
    },
    now,
  );
  const session = `s-${name}` as SessionId;
  const startsAt = "2026-11-18T09:00:00.000Z" as IsoInstant;
  await engagements.insertSession(
    {
      organizationId: ORG,
      id: session,
      engagementId: engagement,
      status: "held",
      startsAt,
      durationMinutes: 60 as Minutes,
      mode: "video",
      heldAt: startsAt,
      cancelledAt: null,
      cancelReason: null,
      version: 1,
    },
    now,
  );
  await ratings.insertInstrumentResponse({
    organizationId: ORG,
    id: `r-${name}`,
    sessionId: session,
    respondentId: person,
    instrumentId: "alliance-check",
    instrumentVersion: "1.0.0",
    answers: {},
    scores: { total: { status: "scored", value: total }, subscales: [], items: [] },
    submittedAt: now,
  });
}

describe("alliance distribution for programme admins", () => {
  let t: TestApp;
  let admin: Caller;

  beforeAll(async () => {
    t = await testApp();
    admin = await signIn(t.app, "admin@alliance.example");
  });
  afterAll(async () => {
    await t.close();
  });

  it("withholds everything while fewer than five coachees have rated", async () => {
    const coach = (await t.ctx.repos.organizations.findPersonByEmail(ORG, "coach@alliance.example"))
      ?.id as PersonId;
    for (const [name, total] of [
      ["ana", 12],
      ["ben", 28],
      ["cai", 33],
    ] as const) {
      await ratedEngagement(t, name, coach, total);
    }
    const response = (
      await admin.get("/api/orgs/demo-org/alliance-distribution?programmeId=demo-leaders")
    ).json();
    expect(response).toMatchObject({ withheld: true, distribution: null, minimumGroupSize: 5, cutoff: 36 });
  });

  it("shows counts per band once five coachees have rated, and never to a coach", async () => {
    const coach = (await t.ctx.repos.organizations.findPersonByEmail(ORG, "coach@alliance.example"))
      ?.id as PersonId;
    await ratedEngagement(t, "dia", coach, 37);
    await ratedEngagement(t, "eli", coach, 40);
    const response = (
      await admin.get("/api/orgs/demo-org/alliance-distribution?programmeId=demo-leaders")
    ).json();
    expect(response).toMatchObject({
      withheld: false,
      distribution: {
        engagements: 5,
        bands: { "0-19": 1, "20-29": 1, "30-35": 1, "36-40": 2 },
        belowCutoff: 3,
        median: 33,
      },
    });
    const coachCaller = await signIn(t.app, "coach@alliance.example");
    expect((await coachCaller.get("/api/orgs/demo-org/alliance-distribution")).statusCode).toBe(404);
  });
});
