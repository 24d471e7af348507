// The session feedback loop in a real Chromium: the coach marks a session held and reflects on it (Coach
// mirror, predicting the coachee's total), the coachee rates it on a phone from the link in the email the
// real SMTP test server received, and the coach sees the new point next to their prediction, and the
// weak-alliance and perception-gap alerts with their explanations.

import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp.ts";
import { accessibilityProblems, type E2e, RESULTS, signInAs, startE2e, watchConsole } from "./harness.ts";

/** The token of the first rating link (`…/rate/<token>`) in a text. */
function ratingToken(text: string): string {
  const match = /\/rate\/([A-Za-z0-9_-]+)/.exec(text);
  if (match?.[1] === undefined) throw new Error(`no rating link in: ${text}`);
  return match[1];
}

describe("coachee rates a session", () => {
  let smtp: TestSmtpServer;
  let e2e: E2e;
  const desktopContext = () =>
    e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB", timezoneId: "UTC" });

  beforeAll(async () => {
    smtp = await startSmtpServer();
    e2e = await startE2e({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp.port), SMTP_SECURE: "false" });
  });
  afterAll(async () => {
    await e2e?.close();
    await smtp?.close();
  });

  it("from the emailed link on a phone in at most 8 interactions; the coach reflects, then sees the point, their prediction and the alerts", async () => {
    mkdirSync(RESULTS, { recursive: true });
    const problems: string[] = [];

    // The coach marks Tom Becker's session of yesterday held and gets the link and QR code for the room.
    const coachContext = await desktopContext();
    const coach = await coachContext.newPage();
    const coachErrors = watchConsole(coach);
    await signInAs(coach, e2e.baseUrl, "coach@alliance.example");
    await coach.getByRole("link", { name: "Tom Becker" }).first().click();
    await expect.poll(() => coach.url()).toContain("/engagements/");
    await coach.getByRole("heading", { name: "Alliance", level: 2 }).waitFor();
    const engagementUrl = coach.url();
    await coach.getByRole("button", { name: "Mark held" }).first().click();
    await coach.getByRole("heading", { name: "Rating link for Tom Becker" }).waitFor();
    await coach.getByRole("img", { name: "QR code of Tom Becker's rating link" }).waitFor();
    await coach.getByRole("button", { name: "Copy link" }).waitFor();
    const shownLink = await coach.getByRole("textbox", { name: "Rating link" }).inputValue();

    // The coach reflects on the session just held (Coach mirror) and predicts Tom's total: 30 of 40.
    const heldSession = coach
      .locator("tbody.session")
      .filter({ has: coach.getByRole("heading", { name: "Rating link for Tom Becker" }) });
    const heldWhenId = (await heldSession.locator("time").first().getAttribute("id")) ?? "";
    expect(heldWhenId).not.toBe("");
    await heldSession.getByText("Reflect on this session").click();
    const mirror = heldSession.getByRole("form", { name: "Coach mirror" });
    await mirror.waitFor();
    const mirrorGroups = mirror.getByRole("radiogroup");
    expect(await mirrorGroups.count()).toBe(7);
    for (const group of await mirrorGroups.all()) {
      await group.getByRole("radio", { name: "8", exact: true }).check();
    }
    // The 0–40 prediction is a labelled number field, not 41 buttons; out of range, it is marked beside it.
    const prediction = mirror.getByRole("spinbutton", { name: /What total do you expect/ });
    await prediction.fill("45");
    await mirror.getByRole("button", { name: "Save reflection" }).click();
    await mirror.getByText("Enter a whole number from 0 to 40.", { exact: true }).waitFor();
    expect(await prediction.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => prediction.evaluate((element) => element === document.activeElement)).toBe(true);
    await prediction.fill("30");
    problems.push(...(await accessibilityProblems(coach)));
    // At 360 px the form fits without sideways scrolling.
    await coach.setViewportSize({ width: 360, height: 800 });
    const mirrorBox = await mirror.boundingBox();
    expect(mirrorBox).not.toBeNull();
    expect((mirrorBox?.x ?? 0) + (mirrorBox?.width ?? 0)).toBeLessThanOrEqual(360);
    // …and each option of a 0–10 item stays at least 24 px wide (WCAG 2.5.8).
    const option = await mirror.getByRole("radio").first().boundingBox();
    expect(option?.width ?? 0).toBeGreaterThanOrEqual(24);
    await coach.screenshot({ path: path.join(RESULTS, "coach-mirror-360.png"), fullPage: true });
    await coach.setViewportSize({ width: 1280, height: 900 });
    await mirror.getByRole("button", { name: "Save reflection" }).click();
    await heldSession
      .getByRole("status")
      .filter({ hasText: "Reflection saved. You predicted 30 of 40." })
      .waitFor();
    await heldSession.getByRole("heading", { name: "Your reflection" }).waitFor();
    expect(await heldSession.getByRole("form", { name: "Coach mirror" }).count()).toBe(0);

    // The email arrives in the background, on the real SMTP server; it carries the same link.
    const mail = await smtp.waitFor(1, 15_000);
    expect(mail.envelopeTo).toEqual(["tom@alliance.example"]);
    const token = ratingToken(mail.parsed.text ?? "");
    expect(ratingToken(shownLink)).toBe(token);

    // Tom opens it on his phone, signed in nowhere.
    const phoneContext = await e2e.browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
      locale: "en-GB",
      timezoneId: "UTC",
    });
    const phone = await phoneContext.newPage();
    const phoneErrors = watchConsole(phone, [401, 410]);
    await phone.goto(`${e2e.baseUrl}/rate/${token}`);
    const send = phone.getByRole("button", { name: "Send rating" });
    await send.waitFor();
    problems.push(...(await accessibilityProblems(phone)));

    let interactions = 0;
    const tap = async (target: Locator): Promise<void> => {
      interactions += 1;
      await target.tap();
    };
    const groups = phone.getByRole("radiogroup");
    expect(await groups.count()).toBe(7);
    for (const group of await groups.all()) {
      await tap(group.getByRole("radio", { name: "3", exact: true }));
    }
    await phone.screenshot({ path: path.join(RESULTS, "rating-phone.png"), fullPage: true });
    await tap(send);
    await phone.getByRole("heading", { name: "Thank you" }).waitFor();
    expect(interactions).toBeLessThanOrEqual(8);
    expect(await phone.getByRole("radio").count()).toBe(0);
    problems.push(...(await accessibilityProblems(phone)));

    // The link works once: opening it again says so, and nothing more.
    await phone.goto(`${e2e.baseUrl}/rate/${token}`);
    await phone.getByRole("heading", { name: "This link has expired or was already used" }).waitFor();

    // The coach sees the new point (3 on each of 7 items: 21 of 70, i.e. 12 of 40) next to their prediction,
    // and the alerts.
    await coach.goto(engagementUrl);
    await coach.getByText(/Latest rating: session \d+ .*12 of 40, below the cut-off of 36/).waitFor();
    await coach.getByText("Show the ratings as a table").click();
    const table = coach.getByRole("table", { name: /Alliance ratings per session/ });
    const row = table.getByRole("row").filter({ has: coach.getByRole("cell", { name: "12", exact: true }) });
    expect(await row.count()).toBe(1);
    await table.getByRole("columnheader", { name: "Your prediction (of 40)" }).waitFor();
    expect(await row.getByRole("cell", { name: "30", exact: true }).count()).toBe(1);
    const alert = coach.getByRole("article").filter({ hasText: "Weak alliance" });
    await alert.first().waitFor();
    const reason = (await alert.first().locator(".alert-reason").textContent()) ?? "";
    expect(reason).toContain("12");
    expect(reason).toContain("36");
    await expect.poll(() => alert.first().getByText("Suggested repair:").count()).toBe(1);
    // A weak first session: the card points to the cheap re-match on the engagement page.
    await alert
      .first()
      .getByText(/a better-matched coach may help more than repairs/)
      .waitFor();
    const gap = coach.getByRole("article").filter({ hasText: "Perception gap" });
    await gap.first().waitFor();
    const gapReason = (await gap.first().locator(".alert-reason").textContent()) ?? "";
    expect(gapReason).toContain("30");
    expect(gapReason).toContain("12");
    // Opened again later, the reflection is read-only, with the prediction.
    const reflected = coach.locator("tbody.session").filter({ has: coach.locator(`[id="${heldWhenId}"]`) });
    await reflected.getByText("Reflect on this session").click();
    await reflected.getByText("You predicted 30 of 40.", { exact: true }).waitFor();
    expect(await reflected.getByRole("button", { name: "Save reflection" }).count()).toBe(0);
    problems.push(...(await accessibilityProblems(coach)));
    await coach.screenshot({ path: path.join(RESULTS, "coach-alliance.png"), fullPage: true });

    // In the inbox the coach acknowledges the alert, then resolves it with a note.
    await coach.getByRole("link", { name: /^Alerts/ }).click();
    await coach.getByRole("heading", { name: "Alerts", level: 1 }).waitFor();
    const inboxAlert = coach.getByRole("article").filter({ hasText: "Weak alliance" }).first();
    await inboxAlert.getByRole("link", { name: "Tom Becker" }).waitFor();
    problems.push(...(await accessibilityProblems(coach)));
    await inboxAlert.getByRole("button", { name: "Acknowledge" }).click();
    await coach.getByRole("status").filter({ hasText: "Alert acknowledged" }).waitFor();
    await inboxAlert.getByRole("button", { name: "Resolve", exact: true }).click();
    await inboxAlert.getByLabel("Resolution note").fill("We talked it through and agreed a clearer goal.");
    await inboxAlert.getByRole("button", { name: "Resolve alert" }).click();
    await coach.getByRole("status").filter({ hasText: "Alert resolved" }).waitFor();
    // Resolved alerts leave the default view (open and acknowledged) once the inbox has reloaded.
    await expect.poll(() => coach.getByRole("article").filter({ hasText: "Weak alliance" }).count()).toBe(0);

    expect(problems).toEqual([]);
    expect(phoneErrors).toEqual([]);
    expect(coachErrors).toEqual([]);
    await phoneContext.close();
    await coachContext.close();
  });

  it("with the wellbeing check-in on: steps through it, ends on the calm referral page, and the coach is flagged", async () => {
    const problems: string[] = [];
    // Priya turns the wellbeing check-in on for her coaching with Maya Okafor.
    const priyaContext = await e2e.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "en-GB",
      timezoneId: "UTC",
    });
    const priya = await priyaContext.newPage();
    const priyaErrors = watchConsole(priya, [401, 410]);
    await signInAs(priya, e2e.baseUrl, "priya@alliance.example");
    await priya.getByRole("link", { name: "Maya Okafor" }).first().click();
    await priya.getByRole("heading", { name: "Check-ins", level: 2 }).waitFor();
    await priya.getByRole("heading", { name: "Wellbeing check-in: off" }).waitFor();
    await priya.getByRole("button", { name: "Turn the wellbeing check-in on" }).click();
    await priya.getByRole("heading", { name: "Wellbeing check-in: on" }).waitFor();
    problems.push(...(await accessibilityProblems(priya)));

    // The coach schedules a session for yesterday, marks it held, and shows Priya the link.
    const coachContext = await desktopContext();
    const coach = await coachContext.newPage();
    const coachErrors = watchConsole(coach);
    await signInAs(coach, e2e.baseUrl, "coach@alliance.example");
    await coach.getByRole("link", { name: "Priya Nair" }).first().click();
    await coach.getByRole("heading", { name: "Check-ins", level: 2 }).waitFor();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await coach.getByLabel("Date and time").fill(`${yesterday}T09:00`);
    await coach.getByRole("button", { name: "Schedule session" }).click();
    await coach.getByRole("button", { name: "Mark held" }).first().click();
    await coach.getByRole("heading", { name: "Rating link for Priya Nair" }).waitFor();
    const link = await coach.getByRole("textbox", { name: "Rating link" }).inputValue();

    // On her phone: the Alliance Check (step 1 of 2), then the wellbeing check-in, sent together.
    await priya.goto(`${e2e.baseUrl}/rate/${ratingToken(link)}`);
    await priya.getByText("Step 1 of 2").waitFor();
    for (const group of await priya.getByRole("radiogroup").all()) {
      await group.getByRole("radio", { name: "9", exact: true }).tap();
    }
    await priya.getByRole("button", { name: "Continue" }).tap();
    await priya.getByRole("heading", { name: "Wellbeing screen (PHQ-2 and GAD-2)" }).waitFor();
    await priya.getByText("Step 2 of 2 · optional").waitFor();
    problems.push(...(await accessibilityProblems(priya)));
    for (const group of await priya.getByRole("radiogroup").all()) {
      await group.getByRole("radio", { name: "More than half the days" }).tap();
    }
    await priya.getByRole("button", { name: "Send rating" }).tap();
    await priya.getByRole("heading", { name: "Thank you — and some support, if you want it" }).waitFor();
    // The programme lists no resources of its own, so the general advice is shown, emergencies included.
    await priya.getByRole("heading", { name: "Your doctor or general practitioner" }).waitFor();
    await priya.getByText("Call your local emergency number now").waitFor();
    problems.push(...(await accessibilityProblems(priya)));
    await priya.screenshot({ path: path.join(RESULTS, "referral-phone.png"), fullPage: true });

    // The coach sees an urgent flag with its explanation, but never Priya's answers.
    await coach.reload();
    const flag = coach.getByRole("article").filter({ hasText: "Wellbeing screen positive" });
    await flag.first().waitFor();
    expect(await flag.first().locator(".alert-reason").textContent()).toContain(
      "A screen is not a diagnosis",
    );
    expect(await coach.getByRole("columnheader", { name: /Wellbeing/ }).count()).toBe(0);
    problems.push(...(await accessibilityProblems(coach)));

    expect(problems).toEqual([]);
    expect(priyaErrors).toEqual([]);
    expect(coachErrors).toEqual([]);
    await priyaContext.close();
    await coachContext.close();
  });
});
