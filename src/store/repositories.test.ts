import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countingIds, testClock } from "../../test/support/clock.ts";
import { DIALECTS, openTestDatabase } from "../../test/support/databases.ts";
import { applySessionEvent } from "../core/sessions/session-lifecycle.ts";
import type {
  AccountId,
  EngagementId,
  IsoInstant,
  MembershipId,
  Minutes,
  OrganizationId,
  PersonId,
  ProgrammeId,
  SessionId,
} from "../core/shared/brand.ts";
import type { StoredAlert } from "./alerts/alert.repository.ts";
import { type Database, migrateToLatest } from "./database.ts";
import type { SessionRecord } from "./engagements/engagement.repository.ts";
import { inTransaction, type Repositories, repositories } from "./repositories.ts";

const at = (iso: string) => iso as IsoInstant;
const NOW = at("2026-11-20T08:00:00.000Z");

/** Two organizations, each with a programme, a coach, a coachee and one engagement. */
async function seedTenants(repos: Repositories) {
  const tenants = [];
  for (const key of ["a", "b"]) {
    const org = `org-${key}` as OrganizationId;
    const programme = `prog-${key}` as ProgrammeId;
    const coach = `coach-${key}` as PersonId;
    const coachee = `coachee-${key}` as PersonId;
    const engagement = `eng-${key}` as EngagementId;
    await repos.organizations.insertOrganization({ id: org, name: `Org ${key.toUpperCase()}` }, NOW);
    await repos.organizations.insertProgramme({ organizationId: org, id: programme, name: "Leaders" }, NOW);
    for (const [id, role] of [
      [coach, "coach"],
      [coachee, "coachee"],
    ] as const) {
      await repos.organizations.insertPerson(
        {
          organizationId: org,
          id,
          accountId: null,
          displayName: `${role} ${key}`,
          email: `${role}@${key}.example`,
        },
        NOW,
      );
      await repos.organizations.insertMembership(
        { organizationId: org, id: `m-${id}` as MembershipId, personId: id, programmeId: programme, role },
        NOW,
      );
    }
    await repos.engagements.insertEngagement(
      {
        organizationId: org,
        id: engagement,
        programmeId: programme,
        coachId: coach,
        coacheeId: coachee,
        sponsorId: null,
      },
      NOW,
    );
    tenants.push({ org, programme, coach, coachee, engagement });
  }
  return tenants as [(typeof tenants)[0], (typeof tenants)[0]];
}

function session(org: OrganizationId, engagement: EngagementId, id: string, startsAt: string): SessionRecord {
  return {
    organizationId: org,
    id: id as SessionId,
    engagementId: engagement,
    status: "scheduled",
    startsAt: at(startsAt),
    durationMinutes: 60 as Minutes,
    mode: "video",
    heldAt: null,
    cancelledAt: null,
    cancelReason: null,
    version: 1,
  };
}

describe.each(DIALECTS)("repositories on %s", (dialect) => {
  let database: Database;
  let repos: Repositories;
  let tenants: Awaited<ReturnType<typeof seedTenants>>;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    repos = repositories(database.db);
    tenants = await seedTenants(repos);
  });
  afterAll(async () => {
    await database.close();
  });

  it("reports its dialect and answers a ping", async () => {
    expect(database.dialect).toBe(dialect);
    expect(await database.ping()).toBe(true);
  });

  it("migrates idempotently: a second run applies nothing", async () => {
    expect((await migrateToLatest(database)).applied).toEqual([]);
  });

  it("scopes every read to the organization asked for", async () => {
    const [a, b] = tenants;
    expect(await repos.engagements.findEngagement(a.org, b.engagement)).toBeUndefined();
    expect(await repos.engagements.findEngagement(b.org, b.engagement)).toMatchObject({
      id: b.engagement,
      coach: { id: b.coach, displayName: "coach b" },
      coachee: { id: b.coachee, displayName: "coachee b" },
      sponsor: null,
    });
    expect((await repos.organizations.listPeople(a.org)).map((p) => p.id).sort()).toEqual(
      [a.coach, a.coachee].sort(),
    );
    expect(await repos.organizations.findPersonById(a.org, b.coach)).toBeUndefined();
  });

  it("refuses, in the database itself, a link across organizations", async () => {
    const [a, b] = tenants;
    // An engagement in org a that names org b's coach: the composite foreign key rejects it.
    await expect(
      repos.engagements.insertEngagement(
        {
          organizationId: a.org,
          id: "eng-cross" as EngagementId,
          programmeId: a.programme,
          coachId: b.coach,
          coacheeId: a.coachee,
          sponsorId: null,
        },
        NOW,
      ),
    ).rejects.toThrow();
    await expect(
      repos.engagements.insertSession(
        session(a.org, b.engagement, "s-cross", "2026-12-01T09:00:00.000Z"),
        NOW,
      ),
    ).rejects.toThrow();
  });

  it("lists engagements by party, and summarises their sessions", async () => {
    const [a] = tenants;
    await repos.engagements.insertSession(
      session(a.org, a.engagement, "s-1", "2026-11-10T09:00:00.000Z"),
      NOW,
    );
    await repos.engagements.insertSession(
      session(a.org, a.engagement, "s-2", "2026-12-01T09:00:00.000Z"),
      NOW,
    );
    await repos.engagements.insertSession(
      session(a.org, a.engagement, "s-3", "2026-11-25T09:00:00.000Z"),
      NOW,
    );
    expect((await repos.engagements.listEngagements(a.org, { partyId: a.coachee })).map((e) => e.id)).toEqual(
      [a.engagement],
    );
    expect(await repos.engagements.listEngagements(a.org, { partyId: "nobody" as PersonId })).toEqual([]);
    const summary = (await repos.engagements.summarizeSessions(a.org, [a.engagement], NOW)).get(a.engagement);
    // s-1 is in the past; the next one is s-3 (25 Nov), not s-2 (1 Dec).
    expect(summary).toEqual({
      counts: { scheduled: 3, held: 0, cancelled: 0 },
      next: { id: "s-3", startsAt: "2026-11-25T09:00:00.000Z" },
    });
    expect((await repos.engagements.listSessionsOfEngagement(a.org, a.engagement)).map((s) => s.id)).toEqual([
      "s-1",
      "s-3",
      "s-2",
    ]);
  });

  it("writes a session change only from the version it was read at, so a race has one winner", async () => {
    const [a] = tenants;
    const found = await repos.engagements.findSessionInContext(a.org, "s-1" as SessionId);
    expect(found?.parties).toEqual({ coachId: a.coach, coacheeId: a.coachee, sponsorId: null });
    if (!found) throw new Error("s-1 missing");
    const { parties: _parties, ...record } = found;
    const held = { ...record, ...applySessionEvent(record, { type: "mark_held", at: NOW }) };
    const cancelled = { ...record, ...applySessionEvent(record, { type: "cancel", at: NOW, reason: null }) };
    expect(await repos.engagements.updateSession(held, NOW)).toBe(true);
    expect(await repos.engagements.updateSession(cancelled, NOW)).toBe(false);
    expect((await repos.engagements.findSessionInContext(a.org, "s-1" as SessionId))?.status).toBe("held");
    expect(await repos.engagements.countSessionsByStatus(a.org)).toEqual({
      scheduled: 2,
      held: 1,
      cancelled: 0,
    });
  });

  it("rolls a transaction back whole when any part fails", async () => {
    const [a] = tenants;
    await expect(
      inTransaction(database.db, async (trx) => {
        await trx.engagements.insertSession(
          session(a.org, a.engagement, "s-tx", "2026-12-05T09:00:00.000Z"),
          NOW,
        );
        await trx.engagements.insertSession(
          session(a.org, a.engagement, "s-tx", "2026-12-06T09:00:00.000Z"),
          NOW,
        );
      }),
    ).rejects.toThrow();
    expect(await repos.engagements.findSessionInContext(a.org, "s-tx" as SessionId)).toBeUndefined();
  });

  it("keeps the audit log append-only: updates and deletes are refused", async () => {
    const [a] = tenants;
    await repos.audit.appendAuditEntry({
      organizationId: a.org,
      id: "audit-1",
      at: NOW,
      actorPersonId: a.coach,
      action: "session.held",
      entityType: "session",
      entityId: "s-1",
      detail: { status: "held" },
    });
    await expect(database.db.updateTable("audit_log").set({ action: "tampered" }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(database.db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
    const entries = await repos.audit.listRecentAuditEntries(a.org, 10);
    expect(entries).toMatchObject([
      { id: "audit-1", action: "session.held", actorName: "coach a", detail: { status: "held" } },
    ]);
    expect(await repos.audit.listRecentAuditEntries(tenants[1].org, 10)).toEqual([]);
  });

  it("uses a password-reset link once, and never after it expires", async () => {
    const account = "acc-1" as AccountId;
    await repos.accounts.insertAccount(
      { id: account, email: "x@a.example", displayName: "X", passwordHash: "h" },
      NOW,
    );
    await repos.accounts.insertPasswordReset(
      { tokenHash: "t1", accountId: account, expiresAt: at("2026-11-20T09:00:00.000Z") },
      NOW,
    );
    await repos.accounts.insertPasswordReset(
      { tokenHash: "t2", accountId: account, expiresAt: at("2026-11-20T09:00:00.000Z") },
      NOW,
    );
    expect(await repos.accounts.markPasswordResetUsed("t1", NOW)).toBe(true);
    expect(await repos.accounts.markPasswordResetUsed("t1", NOW)).toBe(false);
    expect(await repos.accounts.markPasswordResetUsed("t2", at("2026-11-20T09:00:00.000Z"))).toBe(false);
  });

  it("finds live sign-in sessions only, and deletes expired ones", async () => {
    const account = "acc-1" as AccountId;
    const clock = testClock("2026-11-20T08:00:00.000Z");
    await repos.accounts.insertAuthSession(
      { tokenHash: "live", accountId: account, csrfToken: "c", expiresAt: at("2026-11-21T08:00:00.000Z") },
      clock.now(),
    );
    await repos.accounts.insertAuthSession(
      { tokenHash: "stale", accountId: account, csrfToken: "c", expiresAt: at("2026-11-19T08:00:00.000Z") },
      clock.now(),
    );
    expect(await repos.accounts.findLiveAuthSession("live", clock.now())).toMatchObject({
      accountId: account,
    });
    expect(await repos.accounts.findLiveAuthSession("stale", clock.now())).toBeUndefined();
    expect(await repos.accounts.deleteExpiredAuthSessions(clock.now())).toBe(1);
  });

  it("keeps development mail in the outbox, newest first", async () => {
    const ids = countingIds("mail");
    await repos.outbox.insertOutboxMessage({
      id: ids.newId(),
      to: "a@x.example",
      subject: "one",
      text: "1",
      createdAt: NOW,
    });
    await repos.outbox.insertOutboxMessage({
      id: ids.newId(),
      to: "a@x.example",
      subject: "two",
      text: "2",
      createdAt: at("2026-11-20T08:01:00.000Z"),
    });
    expect((await repos.outbox.listOutboxMessages("a@x.example")).map((m) => m.subject)).toEqual([
      "two",
      "one",
    ]);
  });

  it("stores a batch of alerts in chunks, keeping only keys not raised before", async () => {
    const [a, b] = tenants;
    await repos.engagements.insertSession(
      session(a.org, a.engagement, "s-alerts", "2026-11-10T09:00:00Z"),
      NOW,
    );
    await repos.engagements.insertSession(
      session(b.org, b.engagement, "s-alerts", "2026-11-10T09:00:00Z"),
      NOW,
    );
    const alert = (n: number): StoredAlert => ({
      organizationId: a.org,
      id: `alert-${n}`,
      engagementId: a.engagement,
      sessionId: "s-alerts" as SessionId,
      key: `key-${n}`,
      kind: "weak_alliance",
      severity: "warning",
      reason: `reason ${n}`,
      suggestedRepair: "repair",
      finding: { n },
      state: { status: "open", openedAt: NOW },
    });
    expect(await repos.alerts.insertAlertIfNew(alert(0))).toBe(true);
    expect(await repos.alerts.insertAlertIfNew({ ...alert(0), id: "alert-0-again" })).toBe(false);
    // 0 exists; 1…1200 are new and span three statements of at most 500.
    const batch = Array.from({ length: 1201 }, (_, n) => ({ ...alert(n), id: `batch-${n}` }));
    expect(await repos.alerts.insertAlertsIfNew(batch)).toBe(1200);
    expect(await repos.alerts.insertAlertsIfNew(batch)).toBe(0);
    const stored = await repos.alerts.listAlertsOfEngagements(a.org, [a.engagement], ["open"]);
    expect(stored).toHaveLength(1201);
    expect(stored.find((x) => x.key === "key-0")?.id).toBe("alert-0");
    // Keys belong to an organization: another one raising key-0 and key-1 gets both, in one mixed batch.
    const elsewhere = (n: number): StoredAlert => ({
      ...alert(n),
      organizationId: b.org,
      engagementId: b.engagement,
      id: `b-alert-${n}`,
    });
    expect(await repos.alerts.insertAlertsIfNew([alert(1), elsewhere(0), elsewhere(1), alert(1201)])).toBe(3);
    expect(await repos.alerts.listAlertsOfEngagements(b.org, [b.engagement], ["open"])).toHaveLength(2);
    // Known keys are the organization's own, looked up in chunks of 500.
    const asked = ["key-0", "key-1", "key-1201", "key-9999", ...batch.map((x) => x.key)];
    expect([...(await repos.alerts.knownAlertKeys(b.org, asked))].sort()).toEqual(["key-0", "key-1"]);
    expect((await repos.alerts.knownAlertKeys(a.org, asked)).size).toBe(1202);
  });

  it("stores matching profiles, a coachee's choice and the match behind an engagement, per organization", async () => {
    const [a, b] = tenants;
    await repos.matching.saveProfile(a.org, a.coach, "coach", { themes: ["leadership"], capacity: 2 }, NOW);
    await repos.matching.saveProfile(a.org, a.coachee, "coachee", { themes: ["delegation"] }, NOW);
    // Saving again replaces the profile.
    const later = at("2026-11-21T08:00:00.000Z");
    await repos.matching.saveProfile(a.org, a.coach, "coach", { themes: ["conflict"], capacity: 3 }, later);
    expect(await repos.matching.listProfiles(a.org, "coach")).toEqual([
      { personId: a.coach, profile: { themes: ["conflict"], capacity: 3 }, updatedAt: later },
    ]);
    expect((await repos.matching.listProfiles(a.org, "coachee", [a.coachee])).map((p) => p.personId)).toEqual(
      [a.coachee],
    );
    expect(await repos.matching.listProfiles(a.org, "coachee", [])).toEqual([]);
    expect(await repos.matching.listProfiles(b.org, "coach")).toEqual([]);

    await repos.matching.setChoice(a.org, a.programme, a.coachee, a.coach, NOW);
    await repos.matching.setChoice(a.org, a.programme, a.coachee, a.coach, later);
    expect(await repos.matching.listChoices(a.org, a.programme)).toEqual([
      { programmeId: a.programme, coacheeId: a.coachee, coachId: a.coach, chosenAt: later },
    ]);
    await repos.matching.setChoice(a.org, a.programme, a.coachee, null, later);
    expect(await repos.matching.listChoices(a.org, a.programme)).toEqual([]);

    const match = {
      organizationId: a.org,
      engagementId: a.engagement,
      score: 87.25,
      components: [{ component: "themes", weight: 30, value: 0.5 }],
      source: "cohort" as const,
      matchedAt: NOW,
    };
    await repos.matching.insertMatch(match);
    expect(await repos.matching.listMatches(a.org, [a.engagement])).toEqual([match]);
    expect(await repos.matching.listMatches(b.org, [a.engagement])).toEqual([]);
  });

  it("lists the sessions of several engagements at once, and engagements by id", async () => {
    const [a, b] = tenants;
    const both = await repos.engagements.listSessionsOfEngagements(a.org, [a.engagement, b.engagement]);
    // b's engagement lives in another organization: none of its sessions come back.
    expect(both.every((s) => s.engagementId === a.engagement)).toBe(true);
    expect(await repos.engagements.listSessionsOfEngagements(a.org, [])).toEqual([]);
    expect(
      (await repos.engagements.listEngagements(a.org, { ids: [a.engagement] })).map((e) => e.id),
    ).toEqual([a.engagement]);
    expect(await repos.engagements.listEngagements(a.org, { ids: [] })).toEqual([]);
  });
});
