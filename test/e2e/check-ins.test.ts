// The periodic check-ins in a real Chromium: an admin lists the programme's support resources, the
// coachee turns the wellbeing check-in on, the coach plans the sessions and reflects with the
// five-pillars self-view, the coachee steps through the third session's check-ins, and the coach sees
// them on the engagement page.

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, type E2e, signInAs, startE2e, watchConsole } from "./harness.ts";

/** Picks `option` in every radio group on the page (or in `scope`). */
async function answerAll(page: Page, option: string): Promise<void> {
  for (const group of await page.getByRole("radiogroup").all()) {
    await group.getByRole("radio", { name: option, exact: true }).check();
  }
}

describe("periodic check-ins", () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("from the admin's resources to the coach's check-ins card, through every step", async () => {
    const problems: string[] = [];
    const desk = () =>
      e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB", timezoneId: "UTC" });

    // The programme admin lists a support resource for the referral page.
    const adminContext = await desk();
    const admin = await adminContext.newPage();
    admin.setDefaultTimeout(15_000);
    const adminErrors = watchConsole(admin);
    await signInAs(admin, e2e.baseUrl, "admin@alliance.example");
    await admin.getByRole("link", { name: "Admin" }).click();
    await admin
      .getByRole("combobox", { name: "Programme" })
      .first()
      .selectOption({ label: "Leading with Purpose" });
    const support = admin.getByRole("region", { name: "Support after a wellbeing check-in" });
    await support.getByLabel("Name").fill("Employee assistance line");
    await support.getByLabel("How to reach it").fill("0800 123 456");
    await support.getByRole("button", { name: "Save resources" }).click();
    await support.getByRole("status").filter({ hasText: "Support resources saved" }).waitFor();
    problems.push(...(await accessibilityProblems(admin)));

    // Sam turns the wellbeing check-in on.
    const samContext = await desk();
    const sam = await samContext.newPage();
    sam.setDefaultTimeout(15_000);
    const samErrors = watchConsole(sam, [401, 410]);
    await signInAs(sam, e2e.baseUrl, "coachee@alliance.example");
    await sam.getByRole("link", { name: "Maya Okafor" }).first().click();
    await sam.getByRole("button", { name: "Turn the wellbeing check-in on" }).click();
    await sam.getByRole("heading", { name: "Wellbeing check-in: on" }).waitFor();

    // The coach plans three sessions, holds the third (scheduled for yesterday) and reflects on it.
    const coachContext = await desk();
    const coach = await coachContext.newPage();
    coach.setDefaultTimeout(15_000);
    const coachErrors = watchConsole(coach);
    await signInAs(coach, e2e.baseUrl, "coach@alliance.example");
    await coach.getByRole("link", { name: "Sam Lee" }).first().click();
    await coach.getByLabel("Sessions planned").fill("3");
    await coach.getByRole("button", { name: "Save plan" }).click();
    await coach.getByRole("status").filter({ hasText: "3 sessions planned." }).waitFor();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await coach.getByLabel("Date and time").fill(`${yesterday}T09:00`);
    await coach.getByRole("button", { name: "Schedule session" }).click();
    await coach.getByRole("button", { name: "Mark held" }).first().click();
    await coach.getByRole("heading", { name: "Rating link for Sam Lee" }).waitFor();
    const link = await coach.getByRole("textbox", { name: "Rating link" }).inputValue();
    const held = coach
      .locator("tbody.session")
      .filter({ has: coach.getByRole("heading", { name: "Rating link for Sam Lee" }) });
    await held.getByText("Reflect on this session").click();
    const mirror = held.getByRole("form", { name: "Coach mirror" });
    await mirror.waitFor();
    for (const group of await mirror.getByRole("radiogroup").all()) {
      await group.getByRole("radio", { name: "8", exact: true }).check();
    }
    await mirror.getByRole("spinbutton", { name: /What total do you expect/ }).fill("32");
    await mirror.getByRole("button", { name: "Continue" }).click();
    const selfView = held.getByRole("form", { name: "Five pillars: your view of yourself" });
    await selfView.waitFor();
    for (const group of await selfView.getByRole("radiogroup").all()) {
      await group.getByRole("radio", { name: "7", exact: true }).check();
    }
    await selfView.getByRole("button", { name: "Save reflection" }).click();
    await held.getByRole("status").filter({ hasText: "Reflection saved." }).waitFor();

    // Sam rates the third session: the Alliance Check, then four optional check-ins, one skipped.
    const token = /\/rate\/([\w-]+)/.exec(link)?.[1] ?? "";
    await sam.goto(`${e2e.baseUrl}/rate/${token}`);
    await sam.getByText("Step 1 of 5").waitFor();
    await answerAll(sam, "9");
    await sam.getByRole("button", { name: "Continue" }).click();
    await sam.getByRole("heading", { name: "Wellbeing screen (PHQ-2 and GAD-2)" }).waitFor();
    await answerAll(sam, "Not at all");
    await sam.getByRole("button", { name: "Continue" }).click();
    await sam.getByRole("heading", { name: "Side-effects check" }).waitFor();
    await answerAll(sam, "Not at all");
    await sam.getByRole("button", { name: "Continue" }).click();
    await sam.getByRole("heading", { name: "Coach attributes" }).waitFor();
    problems.push(...(await accessibilityProblems(sam)));
    await answerAll(sam, "8");
    await sam.getByRole("button", { name: "Continue" }).click();
    await sam.getByRole("heading", { name: "Five pillars: your view of your coach" }).waitFor();
    await sam.getByRole("button", { name: "Skip this and send" }).click();
    await sam.getByRole("heading", { name: "Thank you" }).waitFor();

    // The coach sees the check-ins of session 3: the coachee's answers and their own self-view, never the screen.
    await coach.reload();
    const checkIns = coach.getByRole("table", { name: "Check-ins by session" });
    await checkIns.waitFor();
    const row = checkIns.getByRole("row").filter({ hasText: "Session 3" });
    await row.getByText("8 of 10").first().waitFor();
    await row.getByText("7 of 10").first().waitFor();
    await row.getByText("None reported").waitFor();
    expect(await checkIns.getByRole("columnheader", { name: /Wellbeing/ }).count()).toBe(0);
    problems.push(...(await accessibilityProblems(coach)));

    expect(problems).toEqual([]);
    expect(adminErrors).toEqual([]);
    expect(samErrors).toEqual([]);
    expect(coachErrors).toEqual([]);
    await adminContext.close();
    await samContext.close();
    await coachContext.close();
  });
});
