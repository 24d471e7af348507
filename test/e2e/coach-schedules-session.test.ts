// A person signs in as the demo coach in a real Chromium, schedules a session and marks it held.

import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityProblems,
  type E2e,
  RESULTS,
  signInAs,
  startE2e,
  tabTo,
  watchConsole,
} from "./harness.ts";

describe("coach in the browser", () => {
  let e2e: E2e;

  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("signs in, schedules a session and marks it held, with no serious accessibility problems", async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "en-GB",
      timezoneId: "UTC",
    });
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);
    const problems: string[] = [];

    await page.goto(`${e2e.baseUrl}/`);
    await page.getByLabel("Email").fill("coach@alliance.example");
    await page.getByLabel("Password").fill("alliance-demo-2026");
    problems.push(...(await accessibilityProblems(page)));
    await page.getByRole("button", { name: "Sign in" }).click();

    await page.getByRole("link", { name: "Sam Lee" }).first().click();
    await expect.poll(() => page.url()).toContain("/engagements/");
    await page.getByRole("heading", { level: 1 }).waitFor();
    problems.push(...(await accessibilityProblems(page)));

    // The coach records this morning's session, which was never put in the calendar: scheduled for
    // 10:30 UTC today (or yesterday, before 10:30), then marked held. The browser runs in UTC.
    const day = new Date(Date.now() - (new Date().getUTCHours() < 11 ? 86_400_000 : 0))
      .toISOString()
      .slice(0, 10);
    const scheduledBefore = await page.getByText("Scheduled", { exact: true }).count();
    await page.getByLabel("Date and time").fill(`${day}T10:30`);
    await page.getByLabel("Duration (minutes)").fill("45");
    await page.getByLabel("Mode").selectOption("video");
    await page.getByRole("button", { name: "Schedule session" }).click();
    await expect.poll(() => page.getByText("Scheduled", { exact: true }).count()).toBe(scheduledBefore + 1);

    const heldBefore = await page.getByText("Held", { exact: true }).count();
    // The new session is the only one of 45 minutes (the demo's are 60).
    const newSession = page
      .locator("tr, li, article")
      .filter({ hasText: "45 min" })
      .filter({ has: page.getByRole("button", { name: "Mark held" }) });
    await newSession.last().getByRole("button", { name: "Mark held" }).click();
    await expect.poll(() => page.getByText("Held", { exact: true }).count()).toBe(heldBefore + 1);
    problems.push(...(await accessibilityProblems(page)));

    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, "coach-engagement.png"), fullPage: true });

    // The server agrees: the session is stored as held.
    const stored = await page.evaluate(async (startsAt) => {
      const me = (await (await fetch("/api/auth/me")).json()) as { organizations: Array<{ id: string }> };
      const org = me.organizations[0]?.id;
      const id = location.pathname.split("/").pop();
      const detail = (await (await fetch(`/api/orgs/${org}/engagements/${id}`)).json()) as {
        sessions: Array<{ startsAt: string; durationMinutes: number; status: string }>;
      };
      return detail.sessions.find((s) => s.startsAt === startsAt);
    }, `${day}T10:30:00.000Z`);
    expect(stored).toMatchObject({ durationMinutes: 45, status: "held" });
    expect(problems).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("works with the keyboard alone: sign in, open an engagement, mark a session held", async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/sign-in`);
    await tabTo(page, "Email");
    await page.keyboard.type("coach@alliance.example");
    await tabTo(page, "Password");
    await page.keyboard.type("alliance-demo-2026");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Sign out" }).waitFor();

    await tabTo(page, "Tom Becker");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url()).toContain("/engagements/");
    await page.getByText("Scheduled", { exact: true }).first().waitFor();
    await tabTo(page, "Mark held");
    await page.keyboard.press("Enter");
    await page.getByText("Held", { exact: true }).first().waitFor();
    expect(await page.getByRole("button", { name: "Mark held" }).count()).toBe(0);
    await context.close();
  });

  it("edits one scheduled session and cancels another, with a reason", async () => {
    const context = await e2e.browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: "UTC",
    });
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);
    await signInAs(page, e2e.baseUrl, "coach@alliance.example");
    await page.getByRole("link", { name: "Priya Nair" }).first().click();
    await page.getByText("Scheduled", { exact: true }).first().waitFor();

    // Priya's next session is 60 minutes by phone; make it 75 minutes by video.
    await page.getByRole("button", { name: "Edit" }).first().click();
    await page.getByLabel("Length (minutes)").fill("75");
    await page.getByLabel("Meeting format").selectOption("video");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("cell", { name: "75 min", exact: true }).waitFor();

    await page.getByRole("button", { name: "Cancel session" }).first().click();
    await page.getByLabel("Reason (optional)").fill("Priya is on leave");
    await page.getByRole("button", { name: "Confirm cancellation" }).click();
    await page.getByText("Reason: Priya is on leave", { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: "Cancel session" }).count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
