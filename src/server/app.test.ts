import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type TestApp, testApp } from "../../test/support/app.ts";
import { redactTokens } from "./app.ts";

describe("HTTP surface", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("answers health with the database kind", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", db: "sqlite" });
  });

  it("describes itself as OpenAPI 3.1, generated from the route schemas", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const spec = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(spec.openapi).toBe("3.1.0");
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/api/health",
        "/api/auth/sign-in",
        "/api/orgs/{orgId}/engagements",
        "/api/orgs/{orgId}/engagements/{engagementId}/sessions",
        "/api/orgs/{orgId}/sessions/{sessionId}/held",
      ]),
    );
    const schedule = spec.paths["/api/orgs/{orgId}/engagements/{engagementId}/sessions"]?.post as {
      requestBody: { content: { "application/json": { schema: { required: string[] } } } };
    };
    expect(schedule.requestBody.content["application/json"].schema.required).toEqual([
      "startsAt",
      "durationMinutes",
      "mode",
    ]);
    const docs = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toContain("text/html");
    const docsPolicy = String(docs.headers["content-security-policy"]);
    expect(docsPolicy).toContain("frame-ancestors 'none'");
    expect(docsPolicy).not.toMatch(/https:|swagger\.io|upgrade-insecure-requests/);
  });

  it("sends security headers with a strict content security policy", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/health" });
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/nothing-here?x=1" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: "not_found", message: "No route GET /api/nothing-here." },
    });
  });

  it("names the problem with malformed, mistyped, missing or oversized input — never a stack trace", async () => {
    const post = (payload: string, type = "application/json") =>
      t.app.inject({ method: "POST", url: "/api/auth/sign-in", headers: { "content-type": type }, payload });
    const malformed = await post("{email:");
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toEqual({
      error: { code: "malformed_json", message: "The request body is not valid JSON." },
    });

    const mistyped = await post(JSON.stringify({ email: 42, password: "x" }));
    expect(mistyped.statusCode).toBe(400);
    expect(mistyped.json()).toMatchObject({ error: { code: "validation_failed", field: "body.email" } });

    const missing = await post(JSON.stringify({ email: "a@b.example" }));
    expect(missing.json()).toEqual({
      error: { code: "validation_failed", message: "body.password is required.", field: "body.password" },
    });

    const huge = await post(JSON.stringify({ email: "a@b.example", password: "x".repeat(200 * 1024) }));
    expect(huge.statusCode).toBe(413);
    expect((huge.json() as { error: { code: string } }).error.code).toBe("payload_too_large");

    const wrongType = await post("email=a", "text/plain");
    expect(wrongType.statusCode).toBe(415);

    for (const response of [malformed, mistyped, missing, huge, wrongType]) {
      expect(response.body).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it("lists people and their roles for admins only", async () => {
    const admin = await signIn(t.app, "admin@alliance.example");
    const response = await admin.get("/api/orgs/demo-org/people");
    const { people } = response.json() as {
      people: Array<{ displayName: string; memberships: Array<{ role: string }> }>;
    };
    expect(people).toHaveLength(12);
    expect(people.find((p) => p.displayName === "Maya Okafor")?.memberships.map((m) => m.role)).toEqual([
      "coach",
      "coach",
    ]);
    const coach = await signIn(t.app, "coach@alliance.example");
    const own = (await coach.get("/api/orgs/demo-org/people")).json() as {
      people: Array<{ displayName: string }>;
    };
    expect(own.people.map((p) => p.displayName)).toEqual(["Maya Okafor"]);
  });

  it("gives admins programme totals, and nobody else", async () => {
    const admin = await signIn(t.app, "admin@alliance.example");
    const summary = await admin.get("/api/orgs/demo-org/summary?programmeId=demo-leaders");
    expect(summary.json()).toEqual({
      engagements: { active: 3, closed: 0 },
      sessions: { scheduled: 2, held: 3, cancelled: 1 },
      people: { admin: 0, coach: 2, coachee: 2, sponsor: 1, supervisor: 0, researcher: 0 },
    });
    const coach = await signIn(t.app, "coach@alliance.example");
    expect((await coach.get("/api/orgs/demo-org/summary")).statusCode).toBe(404);
  });

  it("shows every member who sees what, from the policy", async () => {
    const coachee = await signIn(t.app, "coachee@alliance.example");
    const { rows } = (await coachee.get("/api/orgs/demo-org/privacy")).json() as {
      rows: Array<{ recordType: string; readers: string[] }>;
    };
    expect(rows.find((r) => r.recordType === "session")?.readers).toEqual([
      "Your coach",
      "You (the coachee)",
    ]);
    expect(rows.find((r) => r.recordType === "coach_private_note")?.readers).toEqual([
      "The coach who wrote it",
    ]);
  });

  it("lists programmes: all for an org admin, only their own for others", async () => {
    const admin = await signIn(t.app, "admin@alliance.example");
    const tom = await signIn(t.app, "tom@alliance.example");
    const names = async (caller: typeof admin) =>
      (
        (await caller.get("/api/orgs/demo-org/programmes")).json() as { programmes: Array<{ name: string }> }
      ).programmes.map((p) => p.name);
    expect(await names(admin)).toEqual([
      "Leadership Circle 2027",
      "Leading with Purpose",
      "New Managers 2026",
    ]);
    expect(await names(tom)).toEqual(["New Managers 2026"]);
  });

  it("answers 503 on health when the database is gone", async () => {
    const broken = await testApp({ demo: false });
    await broken.database.close();
    const response = await broken.app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: "unavailable", db: "sqlite" });
    await broken.app.close();
  });
});

describe("HTTP surface on PostgreSQL", () => {
  it("answers health with db postgres", async () => {
    const t = await testApp({ dialect: "postgres", demo: false });
    try {
      const response = await t.app.inject({ method: "GET", url: "/api/health" });
      expect(response.json()).toEqual({ status: "ok", db: "postgres" });
    } finally {
      await t.close();
    }
  });
});

describe("redactTokens", () => {
  it("keeps secret link tokens out of logged URLs", () => {
    expect(redactTokens("/api/auth/password-reset/abc123")).toBe("/api/auth/password-reset/[token]");
    expect(redactTokens("/api/invitations/abc123/accept")).toBe("/api/invitations/[token]/accept");
    expect(redactTokens("/api/orgs/o1/invitations")).toBe("/api/orgs/o1/invitations");
    expect(redactTokens("/reset-password?token=abc123")).toBe("/reset-password?token=[token]");
    expect(redactTokens("/invite?x=1&token=abc123#top")).toBe("/invite?x=1&token=[token]#top");
  });
});
