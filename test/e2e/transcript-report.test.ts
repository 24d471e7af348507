// Transcripts in a real Chromium: the coachee gives consent on the engagement page, the coach adds a
// session's transcript and both read the report; withdrawing consent deletes it.

import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, type E2e, RESULTS, signInAs, startE2e, watchConsole } from "./harness.ts";

const TRANSCRIPT = `WEBVTT

00:00:00.000 --> 00:00:04.000
<v Maya>What would you like to work on today?

00:00:05.000 --> 00:00:15.000
<v Sam>I'm worried about the reorganisation. I feel stuck and I keep replaying last week.

00:00:14.000 --> 00:00:18.000
<v Maya>You should just talk to your director tomorrow.

00:00:19.000 --> 00:00:24.000
<v Sam>Maybe. I don't know.

00:00:25.000 --> 00:00:30.000
<v Maya>Sorry, I jumped in there. It sounds like this has been weighing on you for a while, right?
`;

describe("session transcripts", () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("with the coachee's consent, the coach adds a transcript and both read the report", async () => {
    const problems: string[] = [];
    const context = () =>
      e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB", timezoneId: "UTC" });

    const coacheeContext = await context();
    const coachee = await coacheeContext.newPage();
    const coacheeErrors = watchConsole(coachee);
    await signInAs(coachee, e2e.baseUrl, "coachee@alliance.example");
    await coachee.getByRole("link", { name: "Maya Okafor" }).first().click();
    await coachee.getByRole("heading", { name: "Session transcripts", level: 2 }).waitFor();
    await coachee.getByRole("button", { name: "Give consent to transcripts" }).click();
    await coachee.getByText("Consent given", { exact: true }).waitFor();
    const engagementUrl = coachee.url();

    const coachContext = await context();
    const coach = await coachContext.newPage();
    const coachErrors = watchConsole(coach);
    await signInAs(coach, e2e.baseUrl, "coach@alliance.example");
    await coach.goto(engagementUrl);
    await coach.getByRole("link", { name: "Transcript" }).first().click();
    await coach.getByRole("heading", { name: "Add the transcript" }).waitFor();
    await coach.getByLabel("Or paste the text").fill(TRANSCRIPT);
    await coach.getByRole("button", { name: "Analyse transcript" }).click();
    await coach.getByRole("status").filter({ hasText: "Transcript analysed." }).waitFor();
    await coach.getByRole("heading", { name: "Talk balance" }).waitFor();
    await coach.getByText("Turn 3:", { exact: false }).first().waitFor();
    expect(await coach.getByRole("img", { name: /Circumplex: the coach is/ }).count()).toBe(1);
    expect(await coach.locator(".turn").count()).toBe(5);
    problems.push(...(await accessibilityProblems(coach)));
    await coach.screenshot({ path: path.join(RESULTS, "transcript-report.png"), fullPage: true });

    // The coachee reads the same report; then withdraws consent, which deletes it.
    await coachee.goto(coach.url());
    await coachee.getByRole("heading", { name: "Moments worth a second look" }).waitFor();
    expect(await coachee.getByRole("heading", { name: "Add the transcript" }).count()).toBe(0);
    problems.push(...(await accessibilityProblems(coachee)));
    await coachee.goto(engagementUrl);
    await coachee.getByRole("button", { name: "Withdraw consent…" }).click();
    await coachee.getByRole("button", { name: "Withdraw consent and delete transcripts" }).click();
    await coachee.getByText("1 stored transcript was deleted.", { exact: false }).waitFor();
    await coach.reload();
    await coach.getByText("has not given consent to transcripts", { exact: false }).waitFor();
    expect(await coach.getByRole("heading", { name: "Talk balance" }).count()).toBe(0);

    expect(problems).toEqual([]);
    expect(coacheeErrors).toEqual([]);
    expect(coachErrors).toEqual([]);
    await coachContext.close();
    await coacheeContext.close();
  });
});
