import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type TestApp, testApp } from "../../../test/support/app.ts";
import { allianceAnswers } from "../../../test/support/ratings.ts";
import { ALLIANCE_CHECK } from "../../core/instruments/builtins/alliance-check.ts";
import { validateResponse } from "../../core/instruments/response-validation.ts";
import { scoreResponse } from "../../core/instruments/scoring.ts";
import type {
  EngagementId,
  IsoInstant,
  Minutes,
  OrganizationId,
  PersonId,
  ProgrammeId,
  SessionId,
} from "../../core/shared/brand.ts";

const ORG = "demo-org" as OrganizationId;
const CIRCLE = "demo-circle" as ProgrammeId;
const EVIDENCE = "/api/orgs/demo-org/programmes/demo-circle/matching/evidence";

interface Evidence {
  minimumPairs: number;
  pairs: number;
  components: Array<{
    component: string;
    n: number;
    status: string;
    r: number | null;
    low: number | null;
    high: number | null;
  }>;
}

/** The Alliance Check answered `score` on every item, as stored. */
function allianceCheck(score: number) {
  const checked = validateResponse(ALLIANCE_CHECK, {
    instrumentId: ALLIANCE_CHECK.id,
    instrumentVersion: ALLIANCE_CHECK.version,
    answers: allianceAnswers(score),
  });
  if (!checked.ok) throw new Error("invalid test answers");
  return { answers: checked.value.answers, scores: scoreResponse(ALLIANCE_CHECK, checked.value) };
}

describe("match evidence from the programme's own data", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ dialect: "sqlite" });
  });
  afterAll(async () => {
    await t.close();
  });

  it("correlates each component with the early alliance once there are enough matched pairs", async () => {
    const admin = await signIn(t.app, "admin@alliance.example");
    const ines = await signIn(t.app, "ines@alliance.example");
    expect((await ines.get(EVIDENCE)).statusCode).toBe(404);
    const people = (await admin.get("/api/orgs/demo-org/people")).json() as {
      people: Array<{ id: string; displayName: string }>;
    };
    const person = (name: string) => people.people.find((p) => p.displayName === name)?.id as PersonId;
    const coach = person("Inês Duarte");
    const coachee = person("Lena Hoffmann");
    const now = t.clock.now();
    // 24 matched engagements: background shared in half of them, and those rated higher in sessions 1–3
    // (8 against 6 out of 10, with a little spread); style is the same everywhere; gender is known for 5.
    for (let i = 0; i < 24; i++) {
      const engagementId = `evidence-${i}` as EngagementId;
      await t.ctx.repos.engagements.insertEngagement(
        {
          organizationId: ORG,
          id: engagementId,
          programmeId: CIRCLE,
          coachId: coach,
          coacheeId: coachee,
          sponsorId: null,
        },
        now,
      );
      await t.ctx.repos.matching.insertMatch({
        organizationId: ORG,
        engagementId,
        score: 80,
        components: [
          { component: "background", weight: 15, value: i % 2 },
          { component: "style", weight: 15, value: 0.9 },
          ...(i < 5 ? [{ component: "gender", weight: 10, value: 1 }] : []),
        ],
        source: "cohort",
        matchedAt: now,
      });
      for (const n of [1, 2, 3, 4]) {
        const sessionId = `evidence-${i}-${n}` as SessionId;
        const at = `2026-0${n}-10T09:00:00.000Z` as IsoInstant;
        await t.ctx.repos.engagements.insertSession(
          {
            organizationId: ORG,
            id: sessionId,
            engagementId,
            status: "held",
            startsAt: at,
            durationMinutes: 60 as Minutes,
            mode: "video",
            heldAt: at,
            cancelledAt: null,
            cancelReason: null,
            version: 1,
          },
          now,
        );
        // Session 4 is not early, and runs the other way (0 with a shared background, 10 without): were it
        // counted, the correlation would turn negative.
        const late = i % 2 === 1 ? 0 : 10;
        const score = n === 4 ? late : (i % 2 === 1 ? 8 : 6) + ((i + n) % 3) - 1;
        await t.ctx.repos.ratings.insertInstrumentResponse({
          organizationId: ORG,
          id: `evidence-response-${i}-${n}`,
          sessionId,
          respondentId: coachee,
          instrumentId: ALLIANCE_CHECK.id,
          instrumentVersion: ALLIANCE_CHECK.version,
          ...allianceCheck(score),
          submittedAt: at,
        });
      }
    }
    const evidence = (await admin.get(EVIDENCE)).json() as Evidence;
    expect(evidence.minimumPairs).toBe(20);
    expect(evidence.pairs).toBe(24);
    const [background, style, gender] = evidence.components;
    expect(background).toMatchObject({ component: "background", n: 24, status: "estimated" });
    expect(background?.r).toBeGreaterThan(0.8);
    expect(background?.low).toBeGreaterThan(0.5);
    expect(background?.high).toBeLessThanOrEqual(1);
    expect(style).toEqual({
      component: "style",
      n: 24,
      status: "no_variation",
      r: null,
      low: null,
      high: null,
    });
    expect(gender).toEqual({
      component: "gender",
      n: 5,
      status: "not_enough_data",
      r: null,
      low: null,
      high: null,
    });
  });
});
