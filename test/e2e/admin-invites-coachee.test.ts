// An admin invites a coachee in the browser; the coachee accepts from the emailed link on a phone.

import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositories } from "../../src/store/repositories.ts";
import { accessibilityProblems, type E2e, RESULTS, signInAs, startE2e, watchConsole } from "./harness.ts";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe("invitations in the browser", () => {
  let e2e: E2e;

  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it("invites by email, and the invited person joins from the link on a phone", async () => {
    const problems: string[] = [];
    const desk = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await desk.newPage();
    const adminErrors = watchConsole(admin);
    await signInAs(admin, e2e.baseUrl, "admin@alliance.example");
    await admin.getByRole("link", { name: "Admin" }).click();
    await admin.getByRole("heading", { level: 1 }).waitFor();
    // Too few coachees have rated in the demo data: the distribution is withheld, with the reason.
    const distribution = admin.getByRole("region", { name: "Alliance across the programme" });
    await distribution.getByText("so that no one can be singled out").waitFor();
    problems.push(...(await accessibilityProblems(admin)));

    const invite = admin.getByRole("form", { name: "Invite someone" });
    await invite.getByLabel("Email").fill("noor@example.org");
    await invite.getByLabel("Display name").fill("Noor Haddad");
    await invite.getByLabel("Programme").selectOption({ label: "Leading with Purpose" });
    await invite.getByLabel("Role").selectOption("coachee");
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await admin.getByText("noor@example.org").first().waitFor();
    problems.push(...(await accessibilityProblems(admin)));
    await admin.getByRole("link", { name: "Who sees what" }).click();
    await admin.getByRole("heading", { level: 1 }).waitFor();
    problems.push(...(await accessibilityProblems(admin)));

    // No SMTP server is configured, so the message waits in the development outbox.
    const [mail] = await repositories(e2e.database.db).outbox.listOutboxMessages("noor@example.org");
    const link = mail?.text.match(/https?:\/\/\S+\/invite\?token=[\w-]+/)?.[0];
    expect(link).toBeDefined();
    const invitePath = new URL(link ?? "").pathname + new URL(link ?? "").search;

    const phone = await e2e.browser.newContext(PHONE);
    const noor = await phone.newPage();
    // The second visit to the used link is answered 410 on purpose.
    const noorErrors = watchConsole(noor, [401, 410]);
    await noor.goto(`${e2e.baseUrl}${invitePath}`);
    await noor.getByText("Leading with Purpose").first().waitFor();
    problems.push(...(await accessibilityProblems(noor)));
    await noor.getByLabel("Password").fill("noor's own passphrase");
    await noor.getByRole("button", { name: "Accept invitation" }).click();
    await noor.getByRole("button", { name: "Sign out" }).waitFor();
    problems.push(...(await accessibilityProblems(noor)));
    mkdirSync(RESULTS, { recursive: true });
    await noor.screenshot({ path: path.join(RESULTS, "coachee-phone.png"), fullPage: true });

    // The link works once: opening it again shows a clear page, and nothing changes.
    await noor.goto(`${e2e.baseUrl}${invitePath}`);
    await noor
      .getByText(/expired or was already (used|accepted)/)
      .first()
      .waitFor();

    expect(problems).toEqual([]);
    expect([...adminErrors, ...noorErrors]).toEqual([]);
    await desk.close();
    await phone.close();
  });

  it("shows a clear page for a forged or used password-reset link", async () => {
    const context = await e2e.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/reset-password?token=forged-token-1234567890`);
    await page.getByRole("heading", { name: "This link has expired or was already used" }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await context.close();
  });
});
