import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Caller, signIn, type TestApp, testApp } from "../../../test/support/app.ts";
import { DIALECTS } from "../../../test/support/databases.ts";
import type {
  EngagementId,
  IsoInstant,
  MembershipId,
  OrganizationId,
  PersonId,
  ProgrammeId,
} from "../../core/shared/brand.ts";

interface EngagementJson {
  id: string;
  viewerRelation: string;
  coach: { displayName: string };
  coachee: { displayName: string };
  sessionCounts: { scheduled: number; held: number; cancelled: number } | null;
  nextSession: { id: string; startsAt: string } | null;
}
interface SessionJson {
  id: string;
  status: string;
  startsAt: string;
  durationMinutes: number;
  mode: string;
  cancelReason: string | null;
  permissions: { change: boolean };
}

const ORG = "/api/orgs/demo-org";

/** Adds a second organization with its own coach, coachee and engagement, to try to reach across. */
async function seedOtherTenant(t: TestApp) {
  const { organizations, engagements } = t.ctx.repos;
  const now = t.clock.now();
  const org = "other-org" as OrganizationId;
  await organizations.insertOrganization({ id: org, name: "Elsewhere Ltd" }, now);
  await organizations.insertProgramme(
    { organizationId: org, id: "other-prog" as ProgrammeId, name: "Other" },
    now,
  );
  for (const [id, role] of [
    ["other-coach", "coach"],
    ["other-coachee", "coachee"],
  ] as const) {
    await organizations.insertPerson(
      {
        organizationId: org,
        id: id as PersonId,
        accountId: null,
        displayName: id,
        email: `${id}@elsewhere.example`,
      },
      now,
    );
    await organizations.insertMembership(
      {
        organizationId: org,
        id: `m-${id}` as MembershipId,
        personId: id as PersonId,
        programmeId: "other-prog" as ProgrammeId,
        role,
      },
      now,
    );
  }
  await engagements.insertEngagement(
    {
      organizationId: org,
      id: "other-eng" as EngagementId,
      programmeId: "other-prog" as ProgrammeId,
      coachId: "other-coach" as PersonId,
      coacheeId: "other-coachee" as PersonId,
      sponsorId: null,
    },
    now,
  );
  return { org, engagement: "other-eng" };
}

describe.each(DIALECTS)("engagements and sessions API on %s", (dialect) => {
  let t: TestApp;
  let coach: Caller;
  let coachee: Caller;
  let sponsor: Caller;
  let admin: Caller;
  let samEngagement: EngagementJson;

  beforeAll(async () => {
    t = await testApp({ dialect });
    [coach, coachee, sponsor, admin] = await Promise.all([
      signIn(t.app, "coach@alliance.example"),
      signIn(t.app, "coachee@alliance.example"),
      signIn(t.app, "sponsor@alliance.example"),
      signIn(t.app, "admin@alliance.example"),
    ]);
    const list = (await coach.get(`${ORG}/engagements`)).json() as { engagements: EngagementJson[] };
    const sam = list.engagements.find((e) => e.coachee.displayName === "Sam Lee");
    if (!sam) throw new Error("demo engagement with Sam Lee missing");
    samEngagement = sam;
  });
  afterAll(async () => {
    await t.close();
  });

  it("lists a coach's engagements with the coachee, counts and next session", async () => {
    const response = await coach.get(`${ORG}/engagements`);
    expect(response.statusCode).toBe(200);
    const { engagements } = response.json() as { engagements: EngagementJson[] };
    expect(engagements.map((e) => e.coachee.displayName).sort()).toEqual([
      "Priya Nair",
      "Sam Lee",
      "Tom Becker",
    ]);
    expect(engagements.every((e) => e.viewerRelation === "coach")).toBe(true);
    expect(samEngagement.sessionCounts).toEqual({ scheduled: 1, held: 2, cancelled: 1 });
    expect(samEngagement.nextSession?.startsAt).toBe("2026-11-23T09:00:00.000Z");
  });

  it("filters by programme, and answers 404 for a programme that is not there", async () => {
    const managers = (await coach.get(`${ORG}/engagements?programmeId=demo-managers`)).json() as {
      engagements: EngagementJson[];
    };
    expect(managers.engagements.map((e) => e.coachee.displayName)).toEqual(["Tom Becker"]);
    const missing = await coach.get(`${ORG}/engagements?programmeId=nope`);
    expect(missing.statusCode).toBe(404);
  });

  it("shows a coachee only their own engagement, from their side", async () => {
    const { engagements } = (await coachee.get(`${ORG}/engagements`)).json() as {
      engagements: EngagementJson[];
    };
    expect(engagements).toHaveLength(1);
    expect(engagements[0]).toMatchObject({
      viewerRelation: "coachee",
      coach: { displayName: "Maya Okafor" },
    });
  });

  it("shows a sponsor no personal data: not even the engagement they sponsor", async () => {
    const { engagements } = (await sponsor.get(`${ORG}/engagements`)).json() as {
      engagements: EngagementJson[];
    };
    expect(engagements).toEqual([]);
    const detail = await sponsor.get(`${ORG}/engagements/${samEngagement.id}`);
    expect(detail.statusCode).toBe(404);
  });

  it("shows an admin every engagement but no session content", async () => {
    const { engagements } = (await admin.get(`${ORG}/engagements`)).json() as {
      engagements: EngagementJson[];
    };
    expect(engagements).toHaveLength(4);
    expect(engagements.every((e) => e.sessionCounts === null && e.viewerRelation === "none")).toBe(true);
    const detail = (await admin.get(`${ORG}/engagements/${samEngagement.id}`)).json() as {
      sessions: unknown[];
    };
    expect(detail.sessions).toEqual([]);
  });

  it("hides another coach's engagement as if it did not exist", async () => {
    const daniel = await signIn(t.app, "daniel@alliance.example");
    const response = await daniel.get(`${ORG}/engagements/${samEngagement.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: "not_found", message: "No such engagement." } });
  });

  it("lets the coach schedule, edit and mark a session held, in that order only", async () => {
    const created = await coach.post(`${ORG}/engagements/${samEngagement.id}/sessions`, {
      startsAt: "2026-12-02T14:30:00+01:00",
      durationMinutes: 50,
      mode: "in_person",
    });
    expect(created.statusCode).toBe(201);
    const { session } = created.json() as { session: SessionJson };
    expect(session).toMatchObject({
      status: "scheduled",
      startsAt: "2026-12-02T13:30:00.000Z",
      durationMinutes: 50,
      permissions: { change: true, markHeld: false },
    });

    const edited = await coach.patch(`${ORG}/sessions/${session.id}`, { durationMinutes: 90, mode: "video" });
    expect(edited.statusCode).toBe(200);
    expect((edited.json() as { session: SessionJson }).session).toMatchObject({
      durationMinutes: 90,
      mode: "video",
    });

    const early = await coach.post(`${ORG}/sessions/${session.id}/held`);
    expect(early.statusCode).toBe(409);
    expect((early.json() as { error: { message: string } }).error.message).toContain("has not started yet");

    t.clock.set("2026-12-02T14:25:00.000Z");
    const held = await coach.post(`${ORG}/sessions/${session.id}/held`);
    t.clock.set("2026-11-20T08:00:00.000Z");
    expect(held.statusCode).toBe(200);
    expect((held.json() as { session: SessionJson }).session).toMatchObject({
      status: "held",
      permissions: { change: false },
    });

    const again = await coach.post(`${ORG}/sessions/${session.id}/held`);
    expect(again.statusCode).toBe(409);
    expect((again.json() as { error: { code: string } }).error.code).toBe("session_state_conflict");
    const cancelHeld = await coach.post(`${ORG}/sessions/${session.id}/cancel`, { reason: "too late" });
    expect(cancelHeld.statusCode).toBe(409);
    const editHeld = await coach.patch(`${ORG}/sessions/${session.id}`, { durationMinutes: 30 });
    expect(editHeld.statusCode).toBe(409);

    const detail = (await coachee.get(`${ORG}/engagements/${samEngagement.id}`)).json() as {
      sessions: SessionJson[];
    };
    const seen = detail.sessions.find((s) => s.id === session.id);
    expect(seen).toMatchObject({ status: "held", permissions: { change: false } });
  });

  it("cancels a scheduled session with its reason", async () => {
    const { session } = (
      await coach.post(`${ORG}/engagements/${samEngagement.id}/sessions`, {
        startsAt: "2026-12-09T09:00:00Z",
        durationMinutes: 60,
        mode: "phone",
      })
    ).json() as { session: SessionJson };
    const cancelled = await coach.post(`${ORG}/sessions/${session.id}/cancel`, {
      reason: "  Coachee on leave ",
    });
    expect(cancelled.statusCode).toBe(200);
    expect((cancelled.json() as { session: SessionJson }).session).toMatchObject({
      status: "cancelled",
      cancelReason: "Coachee on leave",
    });
  });

  it("does not let the coachee or sponsor schedule or change sessions", async () => {
    const body = { startsAt: "2026-12-10T09:00:00Z", durationMinutes: 60, mode: "video" };
    const byCoachee = await coachee.post(`${ORG}/engagements/${samEngagement.id}/sessions`, body);
    expect(byCoachee.statusCode).toBe(403);
    const bySponsor = await sponsor.post(`${ORG}/engagements/${samEngagement.id}/sessions`, body);
    expect(bySponsor.statusCode).toBe(404);
    const next = samEngagement.nextSession?.id;
    expect((await coachee.post(`${ORG}/sessions/${next}/held`)).statusCode).toBe(403);
    expect((await sponsor.post(`${ORG}/sessions/${next}/held`)).statusCode).toBe(404);
  });

  it("rejects bad session input with 400 naming the field, and writes nothing", async () => {
    const url = `${ORG}/engagements/${samEngagement.id}/sessions`;
    const cases: Array<[unknown, string]> = [
      [{ durationMinutes: 60, mode: "video" }, "body.startsAt"],
      [{ startsAt: "next tuesday", durationMinutes: 60, mode: "video" }, "body.startsAt"],
      [{ startsAt: "2026-12-10T09:00:00Z", durationMinutes: "60", mode: "video" }, "body.durationMinutes"],
      [{ startsAt: "2026-12-10T09:00:00Z", durationMinutes: 5, mode: "video" }, "body.durationMinutes"],
      [{ startsAt: "2026-12-10T09:00:00Z", durationMinutes: 60, mode: "carrier pigeon" }, "body.mode"],
      [
        { startsAt: "2026-12-10T09:00:00Z", durationMinutes: 60, mode: "video", colour: "red" },
        "body.colour",
      ],
    ];
    const before = (
      (await coach.get(`${ORG}/engagements/${samEngagement.id}`)).json() as { sessions: unknown[] }
    ).sessions.length;
    for (const [body, field] of cases) {
      const response = await coach.post(url, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect((response.json() as { error: { code: string; field: string } }).error).toMatchObject({
        code: "validation_failed",
        field,
      });
    }
    const after = (
      (await coach.get(`${ORG}/engagements/${samEngagement.id}`)).json() as { sessions: unknown[] }
    ).sessions.length;
    expect(after).toBe(before);
    const empty = await coach.patch(`${ORG}/sessions/${samEngagement.nextSession?.id}`, {});
    expect(empty.statusCode).toBe(400);
  });

  it("answers 404 for unknown ids and for another organization's ids", async () => {
    const other = await seedOtherTenant(t);
    expect((await coach.get(`${ORG}/engagements/nope`)).statusCode).toBe(404);
    expect((await coach.post(`${ORG}/sessions/nope/held`)).statusCode).toBe(404);
    expect((await coach.get(`/api/orgs/${other.org}/engagements`)).statusCode).toBe(404);
    expect((await coach.get(`${ORG}/engagements/${other.engagement}`)).statusCode).toBe(404);
    const crossWrite = await coach.post(`${ORG}/engagements/${other.engagement}/sessions`, {
      startsAt: "2026-12-10T09:00:00Z",
      durationMinutes: 60,
      mode: "video",
    });
    expect(crossWrite.statusCode).toBe(404);
    expect((await admin.get(`/api/orgs/${other.org}/people`)).statusCode).toBe(404);
  });

  it("keeps the coach's private notes from the coachee, and shares shared ones", async () => {
    const sessionId = samEngagement.nextSession?.id;
    const privateNote = await coach.post(`${ORG}/sessions/${sessionId}/notes`, {
      visibility: "coach_private",
      body: "I felt hooked when…",
    });
    expect(privateNote.statusCode).toBe(201);
    const shared = await coach.post(`${ORG}/sessions/${sessionId}/notes`, {
      visibility: "shared",
      body: "Next: draft the team charter.",
    });
    expect(shared.statusCode).toBe(201);

    const coachView = (await coach.get(`${ORG}/sessions/${sessionId}/notes`)).json() as {
      notes: Array<{ body: string }>;
    };
    expect(coachView.notes.map((n) => n.body)).toEqual([
      "I felt hooked when…",
      "Next: draft the team charter.",
    ]);
    const coacheeView = (await coachee.get(`${ORG}/sessions/${sessionId}/notes`)).json() as {
      notes: Array<{ body: string; authorName: string }>;
    };
    expect(coacheeView.notes).toMatchObject([
      { body: "Next: draft the team charter.", authorName: "Maya Okafor" },
    ]);
    expect((await sponsor.get(`${ORG}/sessions/${sessionId}/notes`)).statusCode).toBe(404);
    expect((await admin.get(`${ORG}/sessions/${sessionId}/notes`)).statusCode).toBe(404);
    expect(
      (await coachee.post(`${ORG}/sessions/${sessionId}/notes`, { visibility: "shared", body: "hi" }))
        .statusCode,
    ).toBe(403);
  });

  it("records each change in the audit log, which admins can read and coaches cannot", async () => {
    const response = await admin.get(`${ORG}/audit?limit=100`);
    expect(response.statusCode).toBe(200);
    const actions = (
      response.json() as { entries: Array<{ action: string; actorName: string }> }
    ).entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "session.scheduled",
        "session.edited",
        "session.held",
        "session.cancelled",
        "note.added",
      ]),
    );
    expect((await coach.get(`${ORG}/audit`)).statusCode).toBe(404);
  });

  it("lets an admin start an engagement between a coach and a coachee of the programme", async () => {
    const people = (await admin.get(`${ORG}/people?programmeId=demo-leaders`)).json() as {
      people: Array<{ id: string; displayName: string }>;
    };
    const id = (name: string) => people.people.find((p) => p.displayName === name)?.id;
    const created = await admin.post(`${ORG}/engagements`, {
      programmeId: "demo-leaders",
      coachId: id("Daniel Reyes"),
      coacheeId: id("Sam Lee"),
      sponsorId: id("Helen Park"),
    });
    expect(created.statusCode).toBe(201);
    expect((created.json() as { engagement: EngagementJson }).engagement).toMatchObject({
      coach: { displayName: "Daniel Reyes" },
      coachee: { displayName: "Sam Lee" },
    });
    const wrongRole = await admin.post(`${ORG}/engagements`, {
      programmeId: "demo-leaders",
      coachId: id("Sam Lee"),
      coacheeId: id("Priya Nair"),
    });
    expect(wrongRole.statusCode).toBe(400);
    expect((wrongRole.json() as { error: { field: string } }).error.field).toBe("body.coachId");
    const byCoach = await coach.post(`${ORG}/engagements`, {
      programmeId: "demo-leaders",
      coachId: id("Maya Okafor"),
      coacheeId: id("Sam Lee"),
    });
    expect(byCoach.statusCode).toBe(403);
  });

  it("sorts sessions by time on the engagement page", async () => {
    const { sessions } = (await coach.get(`${ORG}/engagements/${samEngagement.id}`)).json() as {
      sessions: SessionJson[];
    };
    const times = sessions.map((s) => s.startsAt as IsoInstant);
    expect(times).toEqual([...times].sort());
  });
});
