// Matching in a real Chromium: a waiting coachee opens their shortlist on a phone and chooses a coach;
// the programme admin sees that choice and the rest of the proposed cohort with the reasons, holds one
// coachee back and confirms the others; the coachee finds the engagement with the coach she chose, then
// asks for a different coach and gets a shortlist without him.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, type E2e, signInAs, startE2e, watchConsole } from "./harness.ts";

describe("matching", () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("from a coachee's shortlist to the admin's confirmed cohort", async () => {
    const problems: string[] = [];

    // Lena opens "Find a coach" on a phone and chooses Kwame, the second of her shortlist.
    const phone = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-GB" });
    const lena = await phone.newPage();
    lena.setDefaultTimeout(15_000);
    const lenaErrors = watchConsole(lena);
    await signInAs(lena, e2e.baseUrl, "lena@alliance.example");
    await lena.getByRole("link", { name: "Find a coach" }).click();
    const circle = lena.getByRole("region", { name: "Leadership Circle 2027" });
    await circle.getByRole("heading", { name: "Inês Duarte" }).waitFor();
    await circle.getByText("is the gender you asked for (woman)").waitFor();
    const names = await circle.getByRole("heading", { level: 3 }).allTextContents();
    expect(names).toEqual(["Inês Duarte", "Kwame Asante"]);
    await circle.getByRole("button", { name: "Choose Kwame Asante" }).click();
    await circle.getByRole("status").filter({ hasText: "You chose Kwame Asante." }).waitFor();
    problems.push(...(await accessibilityProblems(lena)));

    // The admin opens Matching for the Leadership Circle: Lena's choice is kept, the others are placed
    // around it.
    const desk = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    const admin = await desk.newPage();
    admin.setDefaultTimeout(15_000);
    const adminErrors = watchConsole(admin);
    await signInAs(admin, e2e.baseUrl, "admin@alliance.example");
    await admin.getByRole("link", { name: "Matching" }).click();
    await admin
      .getByRole("combobox", { name: "Programme" })
      .first()
      .selectOption({ label: "Leadership Circle 2027" });
    const cohort = admin.getByRole("region", { name: "Waiting coachees" });
    const lenaCoach = cohort.getByLabel("Coach for Lena Hoffmann");
    await lenaCoach.waitFor();
    expect(await lenaCoach.locator("option:checked").textContent()).toMatch(/^Kwame Asante/);
    await cohort
      .getByRole("row", { name: /Lena Hoffmann/ })
      .getByText("Chosen by the coachee")
      .waitFor();
    // The programme's weights: themes count a little more here (saving reloads the proposals).
    const weights = admin.getByRole("region", { name: "Match score weights" });
    await weights.getByLabel("Themes").fill("40");
    await weights.getByRole("button", { name: "Save weights" }).click();
    await weights.getByRole("status").filter({ hasText: "Weights saved" }).waitFor();
    await cohort.getByLabel("Coach for Lena Hoffmann").waitFor();

    // The admin holds Omar back for now (say, for a chemistry call first) and confirms the other two.
    const omarCoach = cohort.getByLabel("Coach for Omar Haddad");
    await omarCoach.selectOption({ label: "No coach yet" });
    await cohort
      .getByRole("row", { name: /Omar Haddad/ })
      .getByText("Changed from the proposal.")
      .waitFor();
    await cohort
      .getByRole("row", { name: /Grace Mensah/ })
      .getByText(/Best for the whole cohort/)
      .click();
    await cohort
      .getByRole("row", { name: /Grace Mensah/ })
      .getByText(/Themes:/)
      .waitFor();
    problems.push(...(await accessibilityProblems(admin)));
    await cohort.getByRole("button", { name: "Confirm 2 pairs" }).click();
    await cohort.getByRole("status").filter({ hasText: "Started 2 engagements." }).waitFor();
    // Omar waits on, now proposed for the one place left (Inês's second).
    await cohort.getByRole("row", { name: /Omar Haddad/ }).waitFor();
    expect(await cohort.getByRole("row").count()).toBe(2);
    expect(await cohort.getByLabel("Coach for Omar Haddad").locator("option:checked").textContent()).toMatch(
      /^Inês Duarte/,
    );
    await admin
      .getByRole("region", { name: "Does the match score predict the early alliance?" })
      .getByText(/Not enough data yet/)
      .waitFor();

    // Lena now has her engagement with Kwame, and no shortlist any more.
    await lena.getByRole("link", { name: "Engagements" }).click();
    await lena.getByRole("link", { name: "Kwame Asante" }).first().waitFor();
    await lena.getByRole("link", { name: "Find a coach" }).click();
    await lena.getByText(/You are not waiting for a coach/).waitFor();

    // Not the right fit after all: in the first sessions Lena asks for a different coach, in two steps,
    // and chooses again from a shortlist without Kwame.
    await lena.getByRole("link", { name: "Engagements" }).click();
    await lena.getByRole("link", { name: "Kwame Asante" }).first().click();
    const rematch = lena.getByRole("region", { name: "Not the right fit?" });
    await rematch.getByRole("button", { name: "Ask for a different coach" }).click();
    problems.push(...(await accessibilityProblems(lena)));
    await rematch.getByRole("button", { name: "Yes, end this engagement" }).click();
    await lena.getByRole("heading", { name: "Find a coach", level: 1 }).waitFor();
    const again = lena.getByRole("region", { name: "Leadership Circle 2027" });
    await again.getByRole("heading", { name: "Inês Duarte" }).waitFor();
    expect(await again.getByRole("heading", { level: 3 }).allTextContents()).toEqual(["Inês Duarte"]);

    expect(problems).toEqual([]);
    expect(lenaErrors).toEqual([]);
    expect(adminErrors).toEqual([]);
    await phone.close();
    await desk.close();
  });
});
