import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, signIn, type TestApp, testApp } from "../../../test/support/app.ts";
import type { MembershipId, OrganizationId, PersonId, ProgrammeId } from "../../core/shared/brand.ts";

const ORG = "/api/orgs/demo-org";

/** Invites `email` with `role` and accepts from the emailed link; returns the new person signed in. */
async function join(t: TestApp, admin: Caller, email: string, role: string, programmeId = "demo-leaders") {
  const sent = await admin.post(`${ORG}/invitations`, {
    email,
    displayName: email.split("@")[0],
    programmeId,
    role,
  });
  expect(sent.statusCode).toBe(201);
  const token = t.mail.at(-1)?.text.match(/token=([\w-]+)/)?.[1];
  const accepted = await t.app.inject({
    method: "POST",
    url: `/api/invitations/${token}/accept`,
    payload: { password: "a long enough passphrase" },
  });
  expect(accepted.statusCode).toBe(200);
  return await signIn(t.app, email, "a long enough passphrase");
}

describe("organization roles and the policy", () => {
  let t: TestApp;
  let admin: Caller;

  beforeAll(async () => {
    t = await testApp();
    admin = await signIn(t.app, "admin@alliance.example");
  });
  afterAll(async () => {
    await t.close();
  });

  it("treats an admin of one programme as an admin of that programme only", async () => {
    // Daniel coaches in Leading with Purpose; make him admin of New Managers 2026 as well.
    const daniel = (await t.ctx.repos.organizations.listPeople("demo-org" as OrganizationId)).find(
      (p) => p.email === "daniel@alliance.example",
    );
    await t.ctx.repos.organizations.insertMembership(
      {
        organizationId: "demo-org" as OrganizationId,
        id: "m-daniel-admin" as MembershipId,
        personId: daniel?.id as PersonId,
        programmeId: "demo-managers" as ProgrammeId,
        role: "admin",
      },
      t.clock.now(),
    );
    const caller = await signIn(t.app, "daniel@alliance.example");

    const everyone = (await caller.get(`${ORG}/people`)).json() as { people: Array<{ email: string }> };
    expect(everyone.people.map((p) => p.email)).toEqual(["daniel@alliance.example"]);
    const managers = (await caller.get(`${ORG}/people?programmeId=demo-managers`)).json() as {
      people: Array<{ email: string }>;
    };
    expect(managers.people.map((p) => p.email).sort()).toEqual([
      "coach@alliance.example",
      "daniel@alliance.example",
      "tom@alliance.example",
    ]);
    expect((await caller.get(`${ORG}/audit`)).statusCode).toBe(404);
    expect((await caller.get(`${ORG}/summary`)).statusCode).toBe(404);
    expect((await caller.get(`${ORG}/summary?programmeId=demo-managers`)).statusCode).toBe(200);
    expect((await caller.get(`${ORG}/summary?programmeId=demo-leaders`)).statusCode).toBe(404);

    const { engagements } = (await caller.get(`${ORG}/engagements`)).json() as {
      engagements: Array<{ programmeId: string; coachee: { displayName: string } }>;
    };
    // His own engagement (as coach, Leading with Purpose) and every one of the programme he runs.
    expect(engagements.map((e) => `${e.programmeId}:${e.coachee.displayName}`).sort()).toEqual([
      "demo-leaders:Priya Nair",
      "demo-managers:Tom Becker",
    ]);
  });

  it("gives researchers totals only over five coachees or more, and no whole a small part could be subtracted from", async () => {
    const researcher = await join(t, admin, "rui@example.org", "researcher");
    type Summary = { engagements: Record<string, number | null>; people: Record<string, number | null> };
    const leaders = async () =>
      (await researcher.get(`${ORG}/summary?programmeId=demo-leaders`)).json() as Summary;
    // Two coachees in Leading with Purpose: everything withheld.
    expect(await leaders()).toEqual({
      engagements: { active: null, closed: null },
      sessions: { scheduled: null, held: null, cancelled: null },
      people: { admin: null, coach: null, coachee: null, sponsor: null, supervisor: null, researcher: null },
    });
    // Three more coachees make five: the programme's totals are shown.
    for (const name of ["ana", "ben", "cai"]) {
      const id = `p-${name}` as PersonId;
      const org = "demo-org" as OrganizationId;
      await t.ctx.repos.organizations.insertPerson(
        { organizationId: org, id, accountId: null, displayName: name, email: `${name}@example.org` },
        t.clock.now(),
      );
      await t.ctx.repos.organizations.insertMembership(
        {
          organizationId: org,
          id: `m-${name}` as MembershipId,
          personId: id,
          programmeId: "demo-leaders" as ProgrammeId,
          role: "coachee",
        },
        t.clock.now(),
      );
    }
    expect((await leaders()).people.coachee).toBe(5);
    expect((await leaders()).engagements.active).toBe(3);
    // A researcher of the whole organization: the whole would reveal New Managers (one coachee) by
    // subtracting Leading with Purpose, so it is withheld.
    expect((await researcher.get(`${ORG}/summary`)).statusCode).toBe(404);
    const rui = await t.ctx.repos.organizations.findPersonByEmail(
      "demo-org" as OrganizationId,
      "rui@example.org",
    );
    await t.ctx.repos.organizations.insertMembership(
      {
        organizationId: "demo-org" as OrganizationId,
        id: "m-rui-org" as MembershipId,
        personId: rui?.id as PersonId,
        programmeId: null,
        role: "researcher",
      },
      t.clock.now(),
    );
    const whole = (await researcher.get(`${ORG}/summary`)).json() as Summary;
    expect(whole.engagements.active).toBeNull();
    // A researcher sees no people and no engagements.
    expect((await researcher.get(`${ORG}/people`)).json()).toEqual({
      people: [expect.objectContaining({ email: "rui@example.org" })],
    });
    expect((await researcher.get(`${ORG}/engagements`)).json()).toEqual({ engagements: [] });
  });

  it("refuses a second open invitation for the same person, programme and role", async () => {
    const body = {
      email: "zoe@example.org",
      displayName: "Zoe",
      programmeId: "demo-leaders",
      role: "coachee",
    };
    expect((await admin.post(`${ORG}/invitations`, body)).statusCode).toBe(201);
    const again = await admin.post(`${ORG}/invitations`, body);
    expect(again.statusCode).toBe(409);
    expect((again.json() as { error: { field: string } }).error.field).toBe("body.email");
  });

  it("will not accept an invitation for a new address while someone else is signed in", async () => {
    await admin.post(`${ORG}/invitations`, {
      email: "yusuf@example.org",
      displayName: "Yusuf",
      programmeId: "demo-leaders",
      role: "coachee",
    });
    const token = t.mail.at(-1)?.text.match(/token=([\w-]+)/)?.[1];
    const coach = await signIn(t.app, "coach@alliance.example");
    const response = await coach.post(`/api/invitations/${token}/accept`, {
      password: "a long enough passphrase",
    });
    expect(response.statusCode).toBe(409);
    expect((response.json() as { error: { message: string } }).error.message).toContain(
      "You are signed in as coach@alliance.example",
    );
    // Nothing was created: the invitation still works for Yusuf himself.
    const own = await t.app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      payload: { password: "a long enough passphrase" },
    });
    expect(own.statusCode).toBe(200);
  });
});

describe("hostile requests", () => {
  let t: TestApp;
  let coach: Caller;

  beforeAll(async () => {
    t = await testApp();
    coach = await signIn(t.app, "coach@alliance.example");
  });
  afterAll(async () => {
    await t.close();
  });

  it("refuses Origin: null and malformed origins with 403, not 500", async () => {
    for (const origin of ["null", "not a url", "https://evil.example"]) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-out",
        headers: { cookie: coach.cookie, "x-csrf-token": coach.csrfToken, origin },
      });
      expect(response.statusCode, origin).toBe(403);
    }
  });

  it("names a time that passes the format but is no real instant", async () => {
    const { engagements } = (await coach.get(`${ORG}/engagements`)).json() as {
      engagements: Array<{ id: string }>;
    };
    const response = await coach.post(`${ORG}/engagements/${engagements[0]?.id}/sessions`, {
      startsAt: "2026-12-31T23:59:60Z",
      durationMinutes: 60,
      mode: "video",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "validation_failed", field: "body.startsAt" } });
  });

  it("answers a malformed URL with the usual JSON error", async () => {
    const response = await coach.get(`${ORG}/sessions/%zz/notes`);
    expect(response.statusCode).toBe(400);
    expect((response.json() as { error: { code: string } }).error.code).toBe("bad_request");
  });

  it("invalidates every other reset link once one has been used", async () => {
    for (let i = 0; i < 2; i++) {
      await t.app.inject({
        method: "POST",
        url: "/api/auth/password-reset",
        payload: { email: "tom@alliance.example" },
      });
    }
    await t.app.background.idle();
    const [first, second] = t.mail.slice(-2).map((m) => m.text.match(/token=([\w-]+)/)?.[1]);
    const used = await t.app.inject({
      method: "POST",
      url: `/api/auth/password-reset/${second}`,
      payload: { password: "a long enough passphrase" },
    });
    expect(used.statusCode).toBe(204);
    expect((await t.app.inject({ method: "GET", url: `/api/auth/password-reset/${first}` })).statusCode).toBe(
      410,
    );
  });
});

describe("races and unstorable input on PostgreSQL", () => {
  let t: TestApp;
  let admin: Caller;
  let coach: Caller;

  beforeAll(async () => {
    t = await testApp({ dialect: "postgres" });
    [admin, coach] = await Promise.all([
      signIn(t.app, "admin@alliance.example"),
      signIn(t.app, "coach@alliance.example"),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it("lets exactly one of six simultaneous identical invitations through", async () => {
    const body = {
      email: "twin@example.org",
      displayName: "Twin",
      programmeId: "demo-leaders",
      role: "coachee",
    };
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => admin.post(`${ORG}/invitations`, body)),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it("answers 400, not 500, for text PostgreSQL cannot store", async () => {
    expect((await coach.get("/api/orgs/%00/engagements")).statusCode).toBe(400);
    const { engagements } = (await coach.get(`${ORG}/engagements`)).json() as {
      engagements: Array<{ nextSession: { id: string } | null }>;
    };
    const sessionId = engagements.find((e) => e.nextSession)?.nextSession?.id;
    const note = await coach.post(`${ORG}/sessions/${sessionId}/notes`, {
      visibility: "shared",
      body: "a\u0000b",
    });
    expect(note.statusCode).toBe(400);
    expect((note.json() as { error: { code: string } }).error.code).toBe("validation_failed");
  });

  it("refuses session times outside the years 2000 to 9999", async () => {
    const { engagements } = (await coach.get(`${ORG}/engagements`)).json() as {
      engagements: Array<{ id: string }>;
    };
    for (const startsAt of [
      "9999-12-31T23:59:59-23:59",
      "0000-01-01T00:00:00+01:00",
      "1999-12-31T12:00:00Z",
    ]) {
      const response = await coach.post(`${ORG}/engagements/${engagements[0]?.id}/sessions`, {
        startsAt,
        durationMinutes: 60,
        mode: "video",
      });
      expect(response.statusCode, startsAt).toBe(400);
      expect((response.json() as { error: { field: string } }).error.field).toBe("body.startsAt");
    }
  });
});
