import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type TestApp, testApp } from "../../../test/support/app.ts";
import { DIALECTS } from "../../../test/support/databases.ts";
import type { EngagementId, OrganizationId } from "../../core/shared/brand.ts";
import { BackgroundTasks } from "../background.ts";
import { AlertRefreshQueue } from "./alert-queue.ts";

const ORG = "demo-org" as OrganizationId;

describe.each(DIALECTS)("the alert refresh queue on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ dialect });
  });
  afterAll(async () => {
    await t.close();
  });

  it("refreshes the engagements marked within one window together, each once", async () => {
    const engagements = await t.ctx.repos.engagements.listEngagements(ORG, {});
    const sam = engagements.find((e) => e.coachee.displayName === "Sam Lee");
    const priya = engagements.find((e) => e.coachee.displayName === "Priya Nair");
    if (!sam || !priya) throw new Error("demo engagements missing");
    const loads = vi.spyOn(t.ctx.repos.engagements, "listEngagements");
    try {
      t.app.alertQueue.mark(ORG, sam.id);
      t.app.alertQueue.mark(ORG, priya.id as EngagementId);
      t.app.alertQueue.mark(ORG, sam.id);
      expect(await t.ctx.repos.alerts.listAlertsOfEngagements(ORG, [sam.id], ["open"])).toEqual([]);
      await t.app.background.idle();
      // One batch: one load of the engagements, both in it.
      expect(loads).toHaveBeenCalledTimes(1);
      expect(loads.mock.calls[0]?.[1].ids).toEqual([sam.id, priya.id]);
    } finally {
      loads.mockRestore();
    }
    // Sam's two held sessions went unrated past their links' expiry: the rules flag it, once.
    const samAlerts = await t.ctx.repos.alerts.listAlertsOfEngagements(ORG, [sam.id], ["open"]);
    expect(samAlerts.map((a) => a.kind)).toEqual(["ratings_missing"]);
    // Priya has one unrated session, below the default of two in a row.
    expect(await t.ctx.repos.alerts.listAlertsOfEngagements(ORG, [priya.id], ["open"])).toEqual([]);
    t.app.alertQueue.mark(ORG, sam.id);
    await t.app.background.idle();
    expect(await t.ctx.repos.alerts.listAlertsOfEngagements(ORG, [sam.id], ["open"])).toHaveLength(1);
  });

  it("goes on with the other slices when one fails, and reports the failure", async () => {
    const engagements = await t.ctx.repos.engagements.listEngagements(ORG, {});
    const sam = engagements.find((e) => e.coachee.displayName === "Sam Lee");
    const tom = engagements.find((e) => e.coachee.displayName === "Tom Becker");
    if (!sam || !tom) throw new Error("demo engagements missing");
    const logged: unknown[] = [];
    const background = new BackgroundTasks({ error: (object: unknown) => logged.push(object) } as never);
    // One engagement per slice; the first slice's load fails.
    const queue = new AlertRefreshQueue(t.ctx, background, 1, 1);
    const loads = vi
      .spyOn(t.ctx.repos.engagements, "listEngagements")
      .mockRejectedValueOnce(new Error("database went away"));
    try {
      await t.ctx.database.db.deleteFrom("alerts").execute();
      queue.mark(ORG, sam.id);
      queue.mark(ORG, tom.id);
      await background.idle();
      expect(loads).toHaveBeenCalledTimes(2);
    } finally {
      loads.mockRestore();
    }
    expect(logged).toHaveLength(1);
    // Sam's slice failed (it heals when the coach next looks); Tom's ran: he has no alert to raise,
    // so the proof is that his slice loaded after the failure.
    expect(await t.ctx.repos.alerts.listAlertsOfEngagements(ORG, [sam.id], ["open"])).toEqual([]);
  });
});
