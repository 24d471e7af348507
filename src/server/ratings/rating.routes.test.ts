import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, signIn, type TestApp, testApp } from "../../../test/support/app.ts";
import { DAY, HOUR } from "../../../test/support/clock.ts";
import { DIALECTS } from "../../../test/support/databases.ts";
import { allianceAnswers, markTomsSessionHeld } from "../../../test/support/ratings.ts";
import type { IsoInstant, OrganizationId, PersonId, SessionId } from "../../core/shared/brand.ts";
import { hashToken } from "../auth/tokens.ts";
import { JobWorker } from "../jobs/job-worker.ts";
import { RATING_REMINDER_JOB, ratingReminderHandler } from "./rating-links.ts";

const ORG = "/api/orgs/demo-org";

const answers = allianceAnswers;

function tokenOf(url: string | undefined): string {
  const token = url?.match(/\/rate\/([\w-]+)$/)?.[1];
  if (!token) throw new Error(`no rating token in ${url}`);
  return token;
}

describe.each(DIALECTS)("rating after a session on %s", (dialect) => {
  let t: TestApp;
  let coach: Caller;
  let coachee: Caller;
  let engagementId: string;
  let token: string;

  beforeAll(async () => {
    t = await testApp({ dialect });
    coach = await signIn(t.app, "coach@alliance.example");
    coachee = await signIn(t.app, "tom@alliance.example");
    const { engagements } = (await coach.get(`${ORG}/engagements`)).json() as {
      engagements: Array<{ id: string; coachee: { displayName: string } }>;
    };
    engagementId = engagements.find((e) => e.coachee.displayName === "Tom Becker")?.id ?? "";
  });
  afterAll(async () => {
    await t.close();
  });

  it("makes a single-use link when the coach marks a session held, and mails it to the coachee", async () => {
    const { sessions } = (await coach.get(`${ORG}/engagements/${engagementId}`)).json() as {
      sessions: Array<{ id: string; permissions: { markHeld: boolean } }>;
    };
    const yesterday = sessions.find((s) => s.permissions.markHeld);
    const held = await coach.post(`${ORG}/sessions/${yesterday?.id}/held`);
    expect(held.statusCode).toBe(200);
    const { ratingLink } = held.json() as { ratingLink: { url: string; expiresAt: string } };
    expect(ratingLink.url).toMatch(/^http:\/\/alliance\.test\/rate\/[\w-]{43}$/);
    expect(ratingLink.expiresAt).toBe("2026-11-27T08:00:00.000Z");
    await t.app.background.idle();
    const mail = t.mail.at(-1);
    expect(mail).toMatchObject({ to: "tom@alliance.example", subject: "How was your coaching session?" });
    expect(mail?.text).toContain(ratingLink.url);
    expect(mail?.text).toContain("Maya Okafor");
    token = tokenOf(ratingLink.url);
    expect(await t.ctx.repos.jobs.countJobsByStatus()).toMatchObject({ queued: 1 });
  });

  it("shows the Alliance Check to whoever holds the link, without an account", async () => {
    const response = await t.app.inject({ method: "GET", url: `/api/ratings/${token}` });
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      instrument: { id: string; items: unknown[] };
      session: { coachName: string };
    };
    expect(body.instrument.id).toBe("alliance-check");
    expect(body.instrument.items).toHaveLength(8);
    expect(body.session.coachName).toBe("Maya Okafor");
  });

  it("refuses out-of-range and unknown items with 400 naming the item, storing nothing", async () => {
    const post = (a: Record<string, unknown>) =>
      t.app.inject({ method: "POST", url: `/api/ratings/${token}`, payload: { answers: a } });
    const outOfRange = await post(answers(7, { overall: 11 }));
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json()).toMatchObject({
      error: { code: "validation_failed", field: "body.answers.overall" },
    });
    const unknown = await post(answers(7, { mood: 3 }));
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as { error: { field: string } }).error.field).toBe("body.answers.mood");
    const missing = await post({ overall: 7 });
    expect(missing.statusCode).toBe(400);
    expect((await t.app.inject({ method: "GET", url: `/api/ratings/${token}` })).statusCode).toBe(200);
  });

  it("stores one response: a double submit gets the same answer, the link then stops working", async () => {
    const body = { answers: answers(7, { "next-session": "More on delegation" }) };
    const first = await t.app.inject({ method: "POST", url: `/api/ratings/${token}`, payload: body });
    expect(first.statusCode).toBe(201);
    // 49 of 70 → 28 of 40
    expect(first.json()).toEqual({ total: 28, goals: 7, approach: 7, bond: 7, referral: null });
    const again = await t.app.inject({ method: "POST", url: `/api/ratings/${token}`, payload: body });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const different = await t.app.inject({
      method: "POST",
      url: `/api/ratings/${token}`,
      payload: { answers: answers(10) },
    });
    expect(different.statusCode).toBe(410);
    expect((await t.app.inject({ method: "GET", url: `/api/ratings/${token}` })).statusCode).toBe(410);
    // The same answers sent in another order, or with an empty optional field, are the same submit.
    const reordered = Object.fromEntries(Object.entries(body.answers).reverse());
    const same = await t.app.inject({
      method: "POST",
      url: `/api/ratings/${token}`,
      payload: { answers: reordered },
    });
    expect(same.statusCode).toBe(200);
    const stored = await t.database.db.selectFrom("instrument_responses").select("id").execute();
    expect(stored).toHaveLength(1);
  });

  it("keeps ratings out of the admins' audit listing", async () => {
    const admin = await signIn(t.app, "admin@alliance.example");
    const { entries } = (await admin.get(`${ORG}/audit?limit=500`)).json() as {
      entries: Array<{ action: string }>;
    };
    expect(entries.map((e) => e.action)).toContain("session.held");
    expect(entries.map((e) => e.action)).not.toContain("rating.submitted");
  });

  it("shows the coach the new point on the trend, and a low score raises an alert with its reason", async () => {
    const { cutoff, points, alerts } = (
      await coach.get(`${ORG}/engagements/${engagementId}/alliance`)
    ).json() as {
      cutoff: number;
      points: Array<{ total: number | null }>;
      alerts: Array<{ kind: string; severity: string; reason: string; suggestedRepair: string }>;
    };
    expect(cutoff).toBe(36);
    expect(points.map((p) => p.total)).toEqual([28]);
    const weak = alerts.find((a) => a.kind === "weak_alliance");
    expect(weak?.severity).toBe("warning");
    expect(weak?.reason).toContain("28");
    expect(weak?.reason).toContain("36");
    expect(weak?.suggestedRepair.length).toBeGreaterThan(20);
  });

  it("keeps alerts in the coach's inbox until acknowledged and resolved with a note", async () => {
    const inbox = (await coach.get(`${ORG}/alerts`)).json() as {
      alerts: Array<{ id: string; kind: string; coacheeName: string; status: string; sessionNumber: number }>;
    };
    const weak = inbox.alerts.find((a) => a.kind === "weak_alliance");
    expect(weak).toMatchObject({ coacheeName: "Tom Becker", status: "open", sessionNumber: 1 });
    // Looking again raises nothing twice.
    const again = (await coach.get(`${ORG}/alerts`)).json() as { alerts: unknown[] };
    expect(again.alerts).toHaveLength(inbox.alerts.length);

    const acknowledged = await coach.post(`${ORG}/alerts/${weak?.id}/acknowledge`);
    expect((acknowledged.json() as { alert: { status: string } }).alert.status).toBe("acknowledged");
    const noNote = await coach.post(`${ORG}/alerts/${weak?.id}/resolve`, { note: "  " });
    expect(noNote.statusCode).toBe(400);
    expect((noNote.json() as { error: { field: string } }).error.field).toBe("body.note");
    const resolved = await coach.post(`${ORG}/alerts/${weak?.id}/resolve`, {
      note: "We talked it through and changed the session format.",
    });
    expect((resolved.json() as { alert: { status: string; resolutionNote: string } }).alert).toMatchObject({
      status: "resolved",
      resolutionNote: "We talked it through and changed the session format.",
    });
    expect((await coach.post(`${ORG}/alerts/${weak?.id}/acknowledge`)).statusCode).toBe(409);
    const open = (await coach.get(`${ORG}/alerts`)).json() as { alerts: Array<{ id: string }> };
    expect(open.alerts.map((a) => a.id)).not.toContain(weak?.id);
    expect((await coach.get(`${ORG}/alerts?status=active`)).statusCode).toBe(200);
    const all = (await coach.get(`${ORG}/alerts?status=all`)).json() as { alerts: Array<{ id: string }> };
    expect(all.alerts.map((a) => a.id)).toContain(weak?.id);
    // The coachee may not see or touch the coach's alerts.
    expect((await coachee.post(`${ORG}/alerts/${weak?.id}/acknowledge`)).statusCode).toBe(404);
    expect((await coachee.get(`${ORG}/alerts`)).json()).toEqual({ alerts: [] });
  });

  it("lets the coachee see their own trend but not the coach's alerts; others see nothing", async () => {
    const own = (await coachee.get(`${ORG}/engagements/${engagementId}/alliance`)).json() as {
      points: unknown[];
      alerts: unknown[];
    };
    expect(own.points).toHaveLength(1);
    expect(own.alerts).toEqual([]);
    const admin = await signIn(t.app, "admin@alliance.example");
    expect((await admin.get(`${ORG}/engagements/${engagementId}/alliance`)).statusCode).toBe(404);
  });

  it("answers a forged token with 410 and a link of a cancelled session with 409", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/ratings/forged-token-0000" })).statusCode).toBe(
      410,
    );
    const { sessions } = (await coach.get(`${ORG}/engagements/${engagementId}`)).json() as {
      sessions: Array<{ id: string; status: string }>;
    };
    const next = sessions.find((s) => s.status === "scheduled");
    await coach.post(`${ORG}/sessions/${next?.id}/cancel`, { reason: "travel" });
    const coacheeId = (
      await t.ctx.repos.engagements.findSessionInContext("demo-org" as OrganizationId, next?.id as SessionId)
    )?.parties.coacheeId;
    await t.ctx.repos.ratings.insertRatingLink(
      {
        organizationId: "demo-org" as OrganizationId,
        id: "link-cancelled",
        sessionId: next?.id as SessionId,
        respondentId: coacheeId as PersonId,
        instrumentId: "alliance-check",
        extraInstruments: [],
        sessionNumber: null,
        tokenHash: hashToken("token-of-a-cancelled-session"),
        expiresAt: "2026-12-31T00:00:00.000Z" as IsoInstant,
        usedAt: null,
      },
      t.clock.now(),
    );
    const response = await t.app.inject({ method: "GET", url: "/api/ratings/token-of-a-cancelled-session" });
    expect(response.statusCode).toBe(409);
  });
});

describe.each(DIALECTS)("simultaneous identical rating submits on %s", (dialect) => {
  it("store one response and answer every one of them with the same scores", async () => {
    const t = await testApp({ dialect });
    try {
      const coach = await signIn(t.app, "coach@alliance.example");
      const held = await markTomsSessionHeld(coach);
      const { token } = held;
      const responses = await Promise.all(
        Array.from({ length: 6 }, () =>
          t.app.inject({ method: "POST", url: `/api/ratings/${token}`, payload: { answers: answers(6) } }),
        ),
      );
      expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
      expect(new Set(responses.map((r) => r.body)).size).toBe(1);
      const stored = await t.database.db.selectFrom("instrument_responses").select("id").execute();
      expect(stored).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});

describe("the rating reminder", () => {
  it("mails the link once after 48 hours if the coachee has not rated, and not after", async () => {
    const t = await testApp();
    try {
      const coach = await signIn(t.app, "coach@alliance.example");
      const held = await markTomsSessionHeld(coach);
      const { url } = held;
      await t.app.background.idle();
      const worker = new JobWorker({
        workerId: "test",
        jobs: t.ctx.repos.jobs,
        clock: t.clock,
        handlers: { [RATING_REMINDER_JOB]: ratingReminderHandler(t.ctx, t.ctx.mailer) },
      });
      const before = t.mail.length;
      t.clock.advance(47 * HOUR);
      expect(await worker.runDueJobs()).toBe(0);
      t.clock.advance(HOUR);
      expect(await worker.runDueJobs()).toBe(1);
      expect(t.mail.length).toBe(before + 1);
      expect(t.mail.at(-1)).toMatchObject({ subject: "A minute to rate your last coaching session?" });
      expect(t.mail.at(-1)?.text).toContain(url);
      t.clock.advance(DAY);
      expect(await worker.runDueJobs()).toBe(0);
      // Done jobs keep no payload: the link's token is gone from the database.
      const payloads = await t.database.db.selectFrom("jobs").select("payload").execute();
      expect(payloads.map((p) => p.payload)).toEqual(["{}"]);
    } finally {
      await t.close();
    }
  });
});

describe("the coach mirror", () => {
  it("lets the coach reflect once on a held session; a prediction far above the rating raises a perception gap", async () => {
    const t = await testApp();
    try {
      const coach = await signIn(t.app, "coach@alliance.example");
      const tom = await signIn(t.app, "tom@alliance.example");
      const { engagements } = (await coach.get(`${ORG}/engagements`)).json() as {
        engagements: Array<{ id: string; coachee: { displayName: string } }>;
      };
      const engagementId = engagements.find((e) => e.coachee.displayName === "Tom Becker")?.id;
      const { sessions } = (await coach.get(`${ORG}/engagements/${engagementId}`)).json() as {
        sessions: Array<{ id: string; status: string; permissions: { markHeld: boolean } }>;
      };
      const started = sessions.find((s) => s.permissions.markHeld);
      const future = sessions.find((s) => s.status === "scheduled" && !s.permissions.markHeld);
      const held = await coach.post(`${ORG}/sessions/${started?.id}/held`);
      const token = tokenOf((held.json() as { ratingLink: { url: string } }).ratingLink.url);
      const mirrorUrl = `${ORG}/sessions/${started?.id}/mirror`;

      const empty = (await coach.get(mirrorUrl)).json() as { instrument: { id: string }; response: unknown };
      expect(empty).toMatchObject({ instrument: { id: "coach-mirror" }, response: null });
      expect((await tom.get(mirrorUrl)).statusCode).toBe(404);

      const tooHigh = await coach.post(mirrorUrl, { answers: answers(8, { "predicted-total": 50 }) });
      expect(tooHigh.statusCode).toBe(400);
      expect((tooHigh.json() as { error: { field: string } }).error.field).toBe(
        "body.answers.predicted-total",
      );
      const saved = await coach.post(mirrorUrl, { answers: answers(8, { "predicted-total": 30 }) });
      expect(saved.statusCode).toBe(201);
      expect(saved.json()).toMatchObject({ prediction: 30, goals: 8 });
      expect(
        (await coach.post(mirrorUrl, { answers: answers(8, { "predicted-total": 30 }) })).statusCode,
      ).toBe(409);
      expect(
        (await coach.post(`${ORG}/sessions/${future?.id}/mirror`, { answers: answers(8) })).statusCode,
      ).toBe(409);

      await t.app.inject({ method: "POST", url: `/api/ratings/${token}`, payload: { answers: answers(3) } });
      const seen = (await coach.get(`${ORG}/engagements/${engagementId}/alliance`)).json() as {
        points: Array<{ total: number; prediction: number | null }>;
        alerts: Array<{ kind: string; reason: string }>;
      };
      expect(seen.points).toMatchObject([{ total: 12, prediction: 30 }]);
      const gap = seen.alerts.find((a) => a.kind === "perception_gap");
      expect(gap?.reason).toContain("30");
      expect(gap?.reason).toContain("12");
      const own = (await tom.get(`${ORG}/engagements/${engagementId}/alliance`)).json() as {
        points: Array<{ prediction: number | null }>;
      };
      expect(own.points).toMatchObject([{ prediction: null }]);
    } finally {
      await t.close();
    }
  });
});
