import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type TestApp, testApp } from "../../../test/support/app.ts";
import { DIALECTS } from "../../../test/support/databases.ts";
import type { EngagementId, OrganizationId } from "../../core/shared/brand.ts";

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
});
