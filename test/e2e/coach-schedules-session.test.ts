// A person signs in as the demo coach in a real Chromium, schedules a session and marks it held.

import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/cli/demo-seed.ts";
import { buildWebIfNeeded, ROOT, WEB_ROOT } from "../../src/cli/web-build.ts";
import { hashPassword } from "../../src/server/auth/passwords.ts";
import { readConfig } from "../../src/server/config.ts";
import { type RunningServer, randomIds, startServer, systemClock } from "../../src/server/runtime.ts";
import { migrateToLatest, openDatabase } from "../../src/store/database.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const RESULTS = path.join(ROOT, "test-results");

/** Serious or critical accessibility violations on the page as it is now. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${page.url()} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

describe("coach in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    buildWebIfNeeded();
    const dir = mkdtempSync(path.join(tmpdir(), "alliance-e2e-"));
    const config = readConfig(
      { PORT: "0", HOST: "127.0.0.1", DATABASE_URL: `sqlite:${path.join(dir, "e2e.db")}`, LOG_LEVEL: "warn" },
      ROOT,
      WEB_ROOT,
    );
    const database = openDatabase(config.database);
    await migrateToLatest(database);
    await seedDemo(database, { clock: systemClock, ids: randomIds, hashPassword });
    server = await startServer(config, database);
    baseUrl = server.url;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("signs in, schedules a session and marks it held, with no serious accessibility problems", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: "en-GB",
      timezoneId: "UTC",
    });
    const page = await context.newPage();
    const problems: string[] = [];
    const consoleErrors: string[] = [];
    // Script errors and CSP refusals fail the test; the 401 of "am I signed in?" before sign-in does not.
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().includes("status of 401"))
        consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));

    await page.goto(`${baseUrl}/`);
    await page.getByLabel("Email").fill("coach@alliance.example");
    await page.getByLabel("Password").fill("alliance-demo-2026");
    problems.push(...(await accessibilityProblems(page)));
    await page.getByRole("button", { name: "Sign in" }).click();

    await page.getByRole("link", { name: "Sam Lee" }).first().click();
    await expect.poll(() => page.url()).toContain("/engagements/");
    await page.getByRole("heading", { level: 1 }).waitFor();
    problems.push(...(await accessibilityProblems(page)));

    const rowsBefore = await page.getByText("Scheduled", { exact: true }).count();
    await page.getByLabel("Date and time").fill("2026-12-15T10:30");
    await page.getByLabel("Duration (minutes)").fill("45");
    await page.getByLabel("Mode").selectOption("video");
    await page.getByRole("button", { name: "Schedule session" }).click();
    await expect.poll(() => page.getByText("Scheduled", { exact: true }).count()).toBe(rowsBefore + 1);

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
    const stored = await page.evaluate(async () => {
      const me = (await (await fetch("/api/auth/me")).json()) as { organizations: Array<{ id: string }> };
      const org = me.organizations[0]?.id;
      const id = location.pathname.split("/").pop();
      const detail = (await (await fetch(`/api/orgs/${org}/engagements/${id}`)).json()) as {
        sessions: Array<{ startsAt: string; durationMinutes: number; status: string }>;
      };
      return detail.sessions.find((s) => s.startsAt === "2026-12-15T10:30:00.000Z");
    });
    expect(stored).toMatchObject({ durationMinutes: 45, status: "held" });
    expect(problems).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
