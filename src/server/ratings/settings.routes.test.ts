import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, signIn, type TestApp, testApp } from "../../../test/support/app.ts";
import { allianceAnswers, markTomsSessionHeld } from "../../../test/support/ratings.ts";

const ORG = "/api/orgs/demo-org";
const SETTINGS = `${ORG}/programmes/demo-managers/feedback-settings`;

describe("a programme's feedback settings", () => {
  let t: TestApp;
  let admin: Caller;
  let coach: Caller;

  beforeAll(async () => {
    t = await testApp();
    [admin, coach] = await Promise.all([
      signIn(t.app, "admin@alliance.example"),
      signIn(t.app, "coach@alliance.example"),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it("starts from the defaults, which coaches can read and only admins change", async () => {
    const read = (await coach.get(SETTINGS)).json() as {
      settings: Record<string, number>;
      overrides: object;
    };
    expect(read.settings).toMatchObject({ weakAllianceCutoff0to40: 36, perceptionGap0to40: 4 });
    expect(read.overrides).toEqual({});
    expect((await coach.put(SETTINGS, { overrides: { weakAllianceCutoff0to40: 30 } })).statusCode).toBe(403);
    const tom = await signIn(t.app, "tom@alliance.example");
    expect((await tom.get(SETTINGS)).statusCode).toBe(404);
  });

  it("refuses values out of range and unknown settings, naming them", async () => {
    const high = await admin.put(SETTINGS, { overrides: { weakAllianceCutoff0to40: 50 } });
    expect(high.statusCode).toBe(400);
    expect(high.json()).toMatchObject({ error: { field: "body.overrides.weakAllianceCutoff0to40" } });
    const unknown = await admin.put(SETTINGS, { overrides: { mood: 3 } });
    expect((unknown.json() as { error: { field: string } }).error.field).toBe("body.overrides.mood");
  });

  it("applies the programme's cut-off to its engagements' trend and alerts", async () => {
    const saved = await admin.put(SETTINGS, { overrides: { weakAllianceCutoff0to40: 30 } });
    expect((saved.json() as { settings: Record<string, number> }).settings.weakAllianceCutoff0to40).toBe(30);

    const { engagementId, token } = await markTomsSessionHeld(coach);
    // 7 × 8 = 56 of 70 → 32 of 40: under the default 36, above this programme's 30.
    await t.app.inject({
      method: "POST",
      url: `/api/ratings/${token}`,
      payload: { answers: allianceAnswers(8) },
    });
    const alliance = (await coach.get(`${ORG}/engagements/${engagementId}/alliance`)).json() as {
      cutoff: number;
      points: Array<{ total: number }>;
      alerts: Array<{ kind: string }>;
    };
    expect(alliance.cutoff).toBe(30);
    expect(alliance.points.map((p) => p.total)).toEqual([32]);
    expect(alliance.alerts.map((a) => a.kind)).not.toContain("weak_alliance");
  });
});
