import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type TestApp, testApp } from "../../../test/support/app.ts";
import { DAY, HOUR } from "../../../test/support/clock.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";

function linkToken(text: string | undefined): string {
  const match = text?.match(/token=([\w-]+)/);
  if (!match?.[1]) throw new Error(`no link in mail: ${text}`);
  return match[1];
}

describe("passwords", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(hash).toContain("m=19456,t=2,p=1");
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "Correct horse battery staple")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  });
});

describe("accounts API", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("signs in with the right password and sets an httpOnly SameSite session cookie", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: "  Coach@Alliance.example ", password: "alliance-demo-2026" },
    });
    expect(response.statusCode).toBe(200);
    const [cookie] = response.cookies;
    expect(cookie).toMatchObject({ name: "alliance_session", httpOnly: true, sameSite: "Lax", path: "/" });
    expect(response.json()).toMatchObject({
      account: { email: "coach@alliance.example", displayName: "Maya Okafor" },
    });
  });

  it("refuses a wrong password or an unknown address with the same answer", async () => {
    for (const payload of [
      { email: "coach@alliance.example", password: "wrong-password-123" },
      { email: "nobody@alliance.example", password: "alliance-demo-2026" },
    ]) {
      const response = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: "invalid_credentials", message: "That email and password do not match." },
      });
    }
  });

  it("tells who is signed in, with their organizations, programmes and roles", async () => {
    const coach = await signIn(t.app, "coach@alliance.example");
    const me = (await coach.get("/api/auth/me")).json() as {
      csrfToken: string;
      organizations: Array<{
        id: string;
        roles: string[];
        programmes: Array<{ id: string; roles: string[] }>;
      }>;
    };
    expect(me.csrfToken).toBe(coach.csrfToken);
    expect(me.organizations).toEqual([
      {
        id: "demo-org",
        name: "Harbour Coaching Collective",
        roles: [],
        programmes: [
          { id: "demo-leaders", name: "Leading with Purpose", roles: ["coach"] },
          { id: "demo-managers", name: "New Managers 2026", roles: ["coach"] },
        ],
      },
    ]);
    expect((await t.app.inject({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
  });

  it("requires the CSRF token on state-changing requests, and refuses other origins", async () => {
    const coach = await signIn(t.app, "coach@alliance.example");
    const withoutToken = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { cookie: coach.cookie },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect((withoutToken.json() as { error: { code: string } }).error.code).toBe("csrf_failed");
    const wrongToken = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { cookie: coach.cookie, "x-csrf-token": "forged" },
    });
    expect(wrongToken.statusCode).toBe(403);
    const otherSite = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: { origin: "https://evil.example" },
      payload: { email: "coach@alliance.example", password: "alliance-demo-2026" },
    });
    expect(otherSite.statusCode).toBe(403);
  });

  it("signs out: the cookie stops working", async () => {
    const coach = await signIn(t.app, "coach@alliance.example");
    expect((await coach.post("/api/auth/sign-out")).statusCode).toBe(204);
    expect((await coach.get("/api/auth/me")).statusCode).toBe(401);
  });

  it("resets a password by emailed link, once, and signs out old sessions", async () => {
    const before = await signIn(t.app, "coachee@alliance.example");
    const request = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset",
      payload: { email: "coachee@alliance.example" },
    });
    expect(request.statusCode).toBe(202);
    // The answer goes first; the link is made and mailed right after.
    await t.app.background.idle();
    const mail = t.mail.at(-1);
    expect(mail).toMatchObject({ to: "coachee@alliance.example", subject: "Reset your Alliance password" });
    expect(mail?.text).toContain("http://alliance.test/reset-password?token=");
    const token = linkToken(mail?.text);

    const check = await t.app.inject({ method: "GET", url: `/api/auth/password-reset/${token}` });
    expect(check.json()).toEqual({ email: "coachee@alliance.example" });
    const tooShort = await t.app.inject({
      method: "POST",
      url: `/api/auth/password-reset/${token}`,
      payload: { password: "short" },
    });
    expect(tooShort.statusCode).toBe(400);
    expect((tooShort.json() as { error: { field: string } }).error.field).toBe("body.password");

    const done = await t.app.inject({
      method: "POST",
      url: `/api/auth/password-reset/${token}`,
      payload: { password: "a brand new passphrase" },
    });
    expect(done.statusCode).toBe(204);
    expect((await before.get("/api/auth/me")).statusCode).toBe(401);
    await expect(signIn(t.app, "coachee@alliance.example")).rejects.toThrow(/failed/);
    await expect(signIn(t.app, "coachee@alliance.example", "a brand new passphrase")).resolves.toBeDefined();

    const reused = await t.app.inject({
      method: "POST",
      url: `/api/auth/password-reset/${token}`,
      payload: { password: "yet another passphrase" },
    });
    expect(reused.statusCode).toBe(410);
    expect((reused.json() as { error: { message: string } }).error.message).toMatch(
      /expired or was already used/,
    );
    expect((await t.app.inject({ method: "GET", url: `/api/auth/password-reset/${token}` })).statusCode).toBe(
      410,
    );
  });

  it("refuses an expired reset link, and sends nothing for an unknown address", async () => {
    const sent = t.mail.length;
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset",
      payload: { email: "stranger@alliance.example" },
    });
    expect(unknown.statusCode).toBe(202);
    await t.app.background.idle();
    expect(t.mail.length).toBe(sent);

    await t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset",
      payload: { email: "tom@alliance.example" },
    });
    await t.app.background.idle();
    const token = linkToken(t.mail.at(-1)?.text);
    t.clock.advance(HOUR + 1);
    const late = await t.app.inject({
      method: "POST",
      url: `/api/auth/password-reset/${token}`,
      payload: { password: "a brand new passphrase" },
    });
    expect(late.statusCode).toBe(410);
    await expect(signIn(t.app, "tom@alliance.example")).resolves.toBeDefined();
    t.clock.advance(-HOUR - 1);
  });

  it("answers forged or malformed reset tokens with a clear 4xx", async () => {
    expect(
      (await t.app.inject({ method: "GET", url: "/api/auth/password-reset/forged-token-123" })).statusCode,
    ).toBe(410);
    expect((await t.app.inject({ method: "GET", url: "/api/auth/password-reset/x" })).statusCode).toBe(410);
    const forgedPost = await t.app.inject({
      method: "POST",
      url: "/api/auth/password-reset/forged-token-123",
      payload: { password: "a long enough passphrase" },
    });
    expect(forgedPost.statusCode).toBe(410);
  });

  it("invites a person by email; the link creates their account with the role, once", async () => {
    const admin = await signIn(t.app, "admin@alliance.example");
    const sent = await admin.post("/api/orgs/demo-org/invitations", {
      email: "New.Coachee@Example.org",
      displayName: "Noor Haddad",
      programmeId: "demo-leaders",
      role: "coachee",
    });
    expect(sent.statusCode).toBe(201);
    expect((sent.json() as { invitation: unknown }).invitation).toMatchObject({
      email: "new.coachee@example.org",
      role: "coachee",
      status: "pending",
    });
    const mail = t.mail.at(-1);
    expect(mail?.to).toBe("new.coachee@example.org");
    expect(mail?.text).toContain(
      "Ada Lindqvist invites you to join Leading with Purpose (Harbour Coaching Collective) as coachee.",
    );
    const token = linkToken(mail?.text);

    const info = await t.app.inject({ method: "GET", url: `/api/invitations/${token}` });
    expect(info.json()).toEqual({
      organizationName: "Harbour Coaching Collective",
      programmeName: "Leading with Purpose",
      role: "coachee",
      email: "new.coachee@example.org",
      displayName: "Noor Haddad",
      accountExists: false,
    });
    const noPassword = await t.app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      payload: {},
    });
    expect(noPassword.statusCode).toBe(400);
    expect((noPassword.json() as { error: { field: string } }).error.field).toBe("body.password");

    const accepted = await t.app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      payload: { password: "noor's own passphrase" },
    });
    expect(accepted.statusCode).toBe(200);
    const noor = await signIn(t.app, "new.coachee@example.org", "noor's own passphrase");
    const me = (await noor.get("/api/auth/me")).json() as {
      organizations: Array<{ programmes: Array<{ id: string; roles: string[] }> }>;
    };
    expect(me.organizations[0]?.programmes).toEqual([
      { id: "demo-leaders", name: "Leading with Purpose", roles: ["coachee"] },
    ]);

    const again = await t.app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      payload: { password: "noor's own passphrase" },
    });
    expect(again.statusCode).toBe(410);
    const listed = (await admin.get("/api/orgs/demo-org/invitations")).json() as {
      invitations: Array<{ email: string; status: string }>;
    };
    expect(listed.invitations.find((i) => i.email === "new.coachee@example.org")?.status).toBe("accepted");
    const duplicate = await admin.post("/api/orgs/demo-org/invitations", {
      email: "new.coachee@example.org",
      displayName: "Noor Haddad",
      programmeId: "demo-leaders",
      role: "coachee",
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it("asks an existing account to sign in before accepting, then adds the role", async () => {
    const admin = await signIn(t.app, "admin@alliance.example");
    await admin.post("/api/orgs/demo-org/invitations", {
      email: "daniel@alliance.example",
      displayName: "Daniel Reyes",
      programmeId: "demo-managers",
      role: "coach",
    });
    const token = linkToken(t.mail.at(-1)?.text);
    const anonymous = await t.app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      payload: {},
    });
    expect(anonymous.statusCode).toBe(401);
    const daniel = await signIn(t.app, "daniel@alliance.example");
    const accepted = await daniel.post(`/api/invitations/${token}/accept`, {});
    expect(accepted.statusCode).toBe(200);
    const me = (await daniel.get("/api/auth/me")).json() as {
      organizations: Array<{ programmes: Array<{ id: string }> }>;
    };
    expect(me.organizations[0]?.programmes.map((p) => p.id)).toEqual(["demo-leaders", "demo-managers"]);
  });

  it("refuses an invitation after 7 days, and invitations from non-admins", async () => {
    const admin = await signIn(t.app, "admin@alliance.example");
    await admin.post("/api/orgs/demo-org/invitations", {
      email: "late@example.org",
      displayName: "Late Comer",
      programmeId: "demo-leaders",
      role: "coachee",
    });
    const token = linkToken(t.mail.at(-1)?.text);
    t.clock.advance(7 * DAY + 1);
    const late = await t.app.inject({ method: "GET", url: `/api/invitations/${token}` });
    expect(late.statusCode).toBe(410);
    t.clock.advance(-7 * DAY - 1);
    const coach = await signIn(t.app, "coach@alliance.example");
    const byCoach = await coach.post("/api/orgs/demo-org/invitations", {
      email: "friend@example.org",
      displayName: "Friend",
      programmeId: "demo-leaders",
      role: "coachee",
    });
    expect(byCoach.statusCode).toBe(404);
  });

  it("limits sign-in attempts per address and IP", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        remoteAddress: "203.0.113.7",
        payload: { email: "priya@alliance.example", password: `guess-number-${i}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Another IP may still try that address.
    await expect(signIn(t.app, "priya@alliance.example")).resolves.toBeDefined();
  });

  it("limits sign-in attempts per IP across many addresses (password spraying)", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        remoteAddress: "203.0.113.99",
        payload: { email: `person-${i}@alliance.example`, password: "Summer2026!" },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });
});

describe("password reset under failure", () => {
  it("answers 202 for known and unknown addresses alike, even when mail cannot be sent", async () => {
    const failing = {
      kind: "smtp" as const,
      send: async () => {
        throw new Error("SMTP down");
      },
      close: () => {},
    };
    const t = await testApp({ mailer: failing });
    try {
      for (const email of ["coach@alliance.example", "nobody@alliance.example"]) {
        const response = await t.app.inject({
          method: "POST",
          url: "/api/auth/password-reset",
          payload: { email },
        });
        expect(response.statusCode).toBe(202);
      }
      await t.app.background.idle();
      // The link for the known address was made (and its mail failed); none for the unknown one.
      const resets = await t.database.db.selectFrom("password_resets").select("account_id").execute();
      const coach = await t.ctx.repos.accounts.findAccountByEmail("coach@alliance.example");
      expect(resets.map((r) => r.account_id)).toEqual([coach?.id]);
    } finally {
      await t.close();
    }
  });

  it("withdraws an invitation whose email could not be sent, and says so", async () => {
    let fail = true;
    const flaky = {
      kind: "smtp" as const,
      send: async () => {
        if (fail) throw new Error("SMTP down");
      },
      close: () => {},
    };
    const t = await testApp({ mailer: flaky });
    try {
      const admin = await signIn(t.app, "admin@alliance.example");
      const body = {
        email: "ines@example.org",
        displayName: "Inês",
        programmeId: "demo-leaders",
        role: "coachee",
      };
      const failed = await admin.post("/api/orgs/demo-org/invitations", body);
      expect(failed.statusCode).toBe(502);
      expect((failed.json() as { error: { code: string } }).error.code).toBe("mail_failed");
      const listed = (await admin.get("/api/orgs/demo-org/invitations")).json() as {
        invitations: Array<{ status: string }>;
      };
      expect(listed.invitations.map((i) => i.status)).toEqual(["expired"]);
      const audit = (await admin.get("/api/orgs/demo-org/audit")).json() as {
        entries: Array<{ action: string }>;
      };
      expect(audit.entries.slice(0, 2).map((e) => e.action)).toEqual([
        "invitation.withdrawn",
        "invitation.sent",
      ]);
      fail = false;
      expect((await admin.post("/api/orgs/demo-org/invitations", body)).statusCode).toBe(201);
    } finally {
      await t.close();
    }
  });
});
