import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, signIn, type TestApp, testApp } from "../../../test/support/app.ts";
import { DAY } from "../../../test/support/clock.ts";
import { DIALECTS } from "../../../test/support/databases.ts";
import { allianceAnswers } from "../../../test/support/ratings.ts";
import { SIDE_EFFECT_CATEGORIES } from "../../core/instruments/builtins/side-effects-check.ts";

const ORG = "/api/orgs/demo-org";
const tenOf = (ids: readonly string[], score: number) => Object.fromEntries(ids.map((id) => [id, score]));
const ATTRIBUTES = ["trust", "emotions", "two-way", "learning", "contract"];
const PILLARS = ["self-awareness", "empathy", "positive-regard", "genuineness", "presence"];
const NO_SIDE_EFFECTS = Object.fromEntries(SIDE_EFFECT_CATEGORIES.map((id) => [id, "not-at-all"]));
/** The 3rd session's check-ins as the tests answer them: a positive screen (PHQ-2 3), one side effect. */
const CHECK_INS = {
  "wellbeing-screen": {
    "phq-1": "more-than-half",
    "phq-2": "several-days",
    "gad-1": "not-at-all",
    "gad-2": "not-at-all",
  },
  "side-effects-check": { ...NO_SIDE_EFFECTS, "worry-stress": "a-little", "anything-else": "Busy month." },
  "coach-attributes": tenOf(ATTRIBUTES, 8),
};

describe.each(DIALECTS)("periodic check-ins and the wellbeing screen on %s", (dialect) => {
  let t: TestApp;
  let coach: Caller;
  let coachee: Caller;
  let admin: Caller;
  let engagementId: string;
  let programmeId: string;
  let sessionId: string;
  let token: string;

  beforeAll(async () => {
    t = await testApp({ dialect });
    // Sam Lee has two held sessions; the third is scheduled three days after the demo's "now".
    t.clock.advance(4 * DAY);
    coach = await signIn(t.app, "coach@alliance.example");
    coachee = await signIn(t.app, "coachee@alliance.example");
    admin = await signIn(t.app, "admin@alliance.example");
    const { engagements } = (await coachee.get(`${ORG}/engagements`)).json() as {
      engagements: Array<{ id: string; programmeId: string }>;
    };
    engagementId = engagements[0]?.id ?? "";
    programmeId = engagements[0]?.programmeId ?? "";
  });
  afterAll(async () => {
    await t.close();
  });

  it("lets only the coachee turn the wellbeing screen on, and keeps it out of the admins' audit list", async () => {
    const url = `${ORG}/engagements/${engagementId}/wellbeing-screen`;
    expect((await coach.put(url, { enabled: true })).statusCode).toBe(404);
    expect((await admin.put(url, { enabled: true })).statusCode).toBe(404);
    expect((await coachee.put(url, { enabled: "yes" })).statusCode).toBe(400);
    const on = await coachee.put(url, { enabled: true });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toEqual({ wellbeingScreen: true });
    // Only the coachee is told whether it is on; the coach learns of a positive screen, nothing more.
    const byCoach = (await coach.get(`${ORG}/engagements/${engagementId}`)).json() as {
      engagement: { wellbeingScreen: boolean | null };
    };
    expect(byCoach.engagement.wellbeingScreen).toBeNull();
    const byCoachee = (await coachee.get(`${ORG}/engagements/${engagementId}`)).json() as {
      engagement: { wellbeingScreen: boolean | null };
    };
    expect(byCoachee.engagement.wellbeingScreen).toBe(true);
    const { entries } = (await admin.get(`${ORG}/audit`)).json() as { entries: Array<{ action: string }> };
    expect(entries.map((e) => e.action)).not.toContain("wellbeing_screen.enabled");
  });

  it("lets the coach or an admin plan the number of sessions, in range", async () => {
    const url = `${ORG}/engagements/${engagementId}/planned-sessions`;
    expect((await coachee.put(url, { plannedSessions: 6 })).statusCode).toBe(403);
    const zero = await coach.put(url, { plannedSessions: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json()).toMatchObject({ error: { field: "body.plannedSessions" } });
    // Two sessions are held already: planning fewer would leave no "last" session to ask.
    const fewer = await coach.put(url, { plannedSessions: 1 });
    expect(fewer.statusCode).toBe(400);
    expect(fewer.json()).toMatchObject({ error: { field: "body.plannedSessions" } });
    expect((await admin.put(url, { plannedSessions: 8 })).json()).toEqual({ plannedSessions: 8 });
    expect((await coach.put(url, { plannedSessions: 6 })).json()).toEqual({ plannedSessions: 6 });
    const seen = (await coachee.get(`${ORG}/engagements/${engagementId}`)).json() as {
      engagement: { plannedSessions: number | null };
    };
    expect(seen.engagement.plannedSessions).toBe(6);
  });

  it("lets programme admins set the referral page's support resources, checked", async () => {
    const url = `${ORG}/programmes/${programmeId}/support-resources`;
    const before = (await coach.get(url)).json() as { programmeConfigured: boolean; shown: unknown[] };
    expect(before.programmeConfigured).toBe(false);
    expect(before.shown.length).toBeGreaterThan(0);
    expect((await coachee.get(url)).statusCode).toBe(404);
    const resource = {
      name: "Employee assistance line",
      contact: "0800 123 456",
      note: "Free and confidential.",
    };
    expect((await coach.put(url, { resources: [resource] })).statusCode).toBe(403);
    const blank = await admin.put(url, { resources: [{ ...resource, name: "  " }] });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({ error: { field: "body.resources.0.name" } });
    const tooMany = await admin.put(url, { resources: Array.from({ length: 11 }, () => resource) });
    expect(tooMany.statusCode).toBe(400);
    const saved = await admin.put(url, { resources: [resource] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ resources: [resource], shown: [resource], programmeConfigured: true });
  });

  it("asks the wellbeing screen and the 3rd session's check-ins through the rating link", async () => {
    const { sessions } = (await coach.get(`${ORG}/engagements/${engagementId}`)).json() as {
      sessions: Array<{ id: string; permissions: { markHeld: boolean } }>;
    };
    sessionId = sessions.find((s) => s.permissions.markHeld)?.id ?? "";
    const held = await coach.post(`${ORG}/sessions/${sessionId}/held`);
    token = (held.json() as { ratingLink: { url: string } }).ratingLink.url.split("/rate/")[1] ?? "";
    const asked = (await t.app.inject({ method: "GET", url: `/api/ratings/${token}` })).json() as {
      instrument: { id: string };
      more: Array<{ id: string }>;
      session: { sessionNumber: number };
    };
    expect(asked.instrument.id).toBe("alliance-check");
    expect(asked.session.sessionNumber).toBe(3);
    expect(asked.more.map((i) => i.id)).toEqual([
      "wellbeing-screen",
      "side-effects-check",
      "coach-attributes",
      "five-pillars-coachee",
    ]);
  });

  it("refuses answers to an instrument the link does not ask, or a bad item in one, naming it", async () => {
    const post = (more: Record<string, unknown>) =>
      t.app.inject({
        method: "POST",
        url: `/api/ratings/${token}`,
        payload: { answers: allianceAnswers(9), more },
      });
    const notAsked = await post({ "five-pillars-coach": tenOf(PILLARS, 8) });
    expect(notAsked.statusCode).toBe(400);
    expect(notAsked.json()).toMatchObject({ error: { field: "body.more.five-pillars-coach" } });
    const badItem = await post({ "coach-attributes": { ...tenOf(ATTRIBUTES, 8), trust: 12 } });
    expect(badItem.statusCode).toBe(400);
    expect(badItem.json()).toMatchObject({ error: { field: "body.more.coach-attributes.trust" } });
    const notAnObject = await post({ "coach-attributes": [1, 2] });
    expect(notAnObject.statusCode).toBe(400);
    expect(notAnObject.json()).toMatchObject({ error: { field: "body.more.coach-attributes" } });
    expect((await t.app.inject({ method: "GET", url: `/api/ratings/${token}` })).statusCode).toBe(200);
  });

  it("stores every answered check-in, shows the calm referral page after a positive screen, and flags the coach", async () => {
    const submitted = await t.app.inject({
      method: "POST",
      url: `/api/ratings/${token}`,
      payload: {
        answers: allianceAnswers(9),
        more: CHECK_INS,
      },
    });
    expect(submitted.statusCode).toBe(201);
    const body = submitted.json() as { total: number; referral: { resources: unknown[] } | null };
    expect(body.total).toBe(36);
    expect(body.referral).toEqual({
      resources: [
        { name: "Employee assistance line", contact: "0800 123 456", note: "Free and confidential." },
      ],
      programmeConfigured: true,
    });
    await t.app.background.idle();
    const { alerts } = (await coach.get(`${ORG}/engagements/${engagementId}/alliance`)).json() as {
      alerts: Array<{ kind: string; severity: string; reason: string }>;
    };
    expect(alerts.find((a) => a.kind === "wellbeing_positive")).toMatchObject({ severity: "urgent" });
    expect(alerts.find((a) => a.kind === "side_effects_reported")?.reason).toContain(
      "worry or stress caused by the coaching",
    );
  });

  it("answers a repeated submit the same, referral included, but not one that differs in its check-ins", async () => {
    const first = CHECK_INS;
    const submit = (more: Record<string, unknown>) =>
      t.app.inject({
        method: "POST",
        url: `/api/ratings/${token}`,
        payload: { answers: allianceAnswers(9), more },
      });
    const again = await submit(first);
    expect(again.statusCode).toBe(200);
    expect((again.json() as { referral: unknown }).referral).not.toBeNull();
    // Left out this time, or answered differently: not the same submit, and nothing changes.
    const { "coach-attributes": _left, ...fewer } = first;
    expect((await submit(fewer)).statusCode).toBe(410);
    expect((await submit({ ...first, "coach-attributes": tenOf(ATTRIBUTES, 2) })).statusCode).toBe(410);
    expect((await submit({ ...first, "five-pillars-coachee": tenOf(PILLARS, 2) })).statusCode).toBe(410);
  });

  it("asks the coach the five-pillars self-view with the mirror at session 3", async () => {
    const url = `${ORG}/sessions/${sessionId}/mirror`;
    const form = (await coach.get(url)).json() as { more: Array<{ id: string }> };
    expect(form.more.map((i) => i.id)).toEqual(["five-pillars-coach"]);
    const mirrorAnswers = {
      "goals-focus": 8,
      "goals-shared": 8,
      "approach-fit": 8,
      "approach-progress": 8,
      "bond-openness": 8,
      "bond-support": 8,
      overall: 8,
      "predicted-total": 36,
    };
    const wrong = await coach.post(url, {
      answers: mirrorAnswers,
      more: { "five-pillars-coachee": tenOf(PILLARS, 7) },
    });
    expect(wrong.statusCode).toBe(400);
    const saved = await coach.post(url, {
      answers: mirrorAnswers,
      more: { "five-pillars-coach": tenOf(PILLARS, 7) },
    });
    expect(saved.statusCode).toBe(201);
    const again = (await coach.get(url)).json() as { response: { more: Record<string, unknown> } };
    expect(Object.keys(again.response.more)).toEqual(["five-pillars-coach"]);
  });

  it("shows the check-ins: the coach sees the self-view but never the screen; the coachee the reverse", async () => {
    type View = {
      sessions: Array<{
        sessionNumber: number;
        coachAttributes: { total: number; items: Record<string, number> } | null;
        fivePillars: { coachee: unknown; coach: { total: number } | null };
        sideEffects: { reported: Array<{ categoryId: string }>; comment: string | null } | null;
        wellbeing: { phq2: number; gad2: number; positive: boolean } | null;
      }>;
    };
    const url = `${ORG}/engagements/${engagementId}/check-ins`;
    const byCoach = (await coach.get(url)).json() as View;
    expect(byCoach.sessions).toHaveLength(1);
    const [seen] = byCoach.sessions;
    expect(seen).toMatchObject({
      sessionNumber: 3,
      coachAttributes: { total: 8, items: { trust: 8 } },
      fivePillars: { coachee: null, coach: { total: 7 } },
      sideEffects: { reported: [{ categoryId: "worry-stress" }], comment: "Busy month." },
      wellbeing: null,
    });
    const byCoachee = (await coachee.get(url)).json() as View;
    expect(byCoachee.sessions[0]).toMatchObject({
      fivePillars: { coach: null },
      wellbeing: { phq2: 3, gad2: 0, positive: true },
    });
    const sponsor = await signIn(t.app, "sponsor@alliance.example");
    expect((await sponsor.get(url)).statusCode).toBe(404);
    expect((await admin.get(url)).statusCode).toBe(404);
  });

  it("stops asking the wellbeing screen on a link already sent once the coachee turns it off", async () => {
    // A fourth session, held yesterday, asks the screen; then Sam turns it off before rating.
    t.clock.advance(2 * 86_400_000);
    const scheduled = await coach.post(`${ORG}/engagements/${engagementId}/sessions`, {
      startsAt: new Date(Date.parse(t.clock.now()) - 86_400_000).toISOString(),
      durationMinutes: 60,
      mode: "video",
    });
    const fourth = (scheduled.json() as { session: { id: string } }).session.id;
    const held = await coach.post(`${ORG}/sessions/${fourth}/held`);
    const link = (held.json() as { ratingLink: { url: string } }).ratingLink.url.split("/rate/")[1] ?? "";
    const before = (await t.app.inject({ method: "GET", url: `/api/ratings/${link}` })).json() as {
      more: Array<{ id: string }>;
      session: { sessionNumber: number };
    };
    expect(before.more.map((i) => i.id)).toEqual(["wellbeing-screen"]);
    expect(before.session.sessionNumber).toBe(4);
    await coachee.put(`${ORG}/engagements/${engagementId}/wellbeing-screen`, { enabled: false });
    const after = (await t.app.inject({ method: "GET", url: `/api/ratings/${link}` })).json() as {
      more: unknown[];
    };
    expect(after.more).toEqual([]);
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/ratings/${link}`,
      payload: {
        answers: allianceAnswers(9),
        more: {
          "wellbeing-screen": {
            "phq-1": "not-at-all",
            "phq-2": "not-at-all",
            "gad-1": "not-at-all",
            "gad-2": "not-at-all",
          },
        },
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { field: "body.more.wellbeing-screen" } });
  });

  it("refuses settings changes on a closed engagement", async () => {
    await t.ctx.database.db
      .updateTable("engagements")
      .set({ status: "closed" })
      .where("id", "=", engagementId)
      .execute();
    expect(
      (await coachee.put(`${ORG}/engagements/${engagementId}/wellbeing-screen`, { enabled: true }))
        .statusCode,
    ).toBe(409);
    expect(
      (await coach.put(`${ORG}/engagements/${engagementId}/planned-sessions`, { plannedSessions: 9 }))
        .statusCode,
    ).toBe(409);
  });
});
