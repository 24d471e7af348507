// Starts the real server (built web app, demo data, embedded SQLite) and Debian's Chromium for browser tests.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { seedDemo } from "../../src/cli/demo-seed.ts";
import { ROOT, WEB_ROOT } from "../../src/cli/web-build.ts";
import { hashPassword } from "../../src/server/auth/passwords.ts";
import { readConfig } from "../../src/server/config.ts";
import { type RunningServer, randomIds, startServer, systemClock } from "../../src/server/runtime.ts";
import { type Database, migrateToLatest, openDatabase } from "../../src/store/database.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const RESULTS = path.join(ROOT, "test-results");

export interface E2e {
  readonly baseUrl: string;
  readonly browser: Browser;
  readonly database: Database;
  close(): Promise<void>;
}

/**
 * Starts the app; `env` adds to or overrides its environment, e.g. `SMTP_HOST` and `SMTP_PORT` to send
 * its mail to the test SMTP server (test/support/smtp.ts).
 */
export async function startE2e(env: Readonly<Record<string, string>> = {}): Promise<E2e> {
  // test/global-setup.ts has built the web app.
  const dir = mkdtempSync(path.join(tmpdir(), "alliance-e2e-"));
  const config = readConfig(
    {
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: `sqlite:${path.join(dir, "e2e.db")}`,
      LOG_LEVEL: "warn",
      ...env,
    },
    ROOT,
    WEB_ROOT,
  );
  const database = openDatabase(config.database);
  await migrateToLatest(database);
  await seedDemo(database, { clock: systemClock, ids: randomIds, hashPassword });
  const server: RunningServer = await startServer(config, database);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  return {
    baseUrl: server.url,
    browser,
    database,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Serious or critical accessibility violations (WCAG 2.1 A and AA) on the page as it is now. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${page.url()} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/**
 * Collects script errors, CSP refusals and failed requests, except the statuses a test expects
 * (by default the 401 of "am I signed in?" before signing in).
 */
export function watchConsole(page: Page, expectedStatuses: readonly number[] = [401]): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() !== "error") return;
    if (expectedStatuses.some((status) => text.includes(`status of ${status}`))) return;
    errors.push(text);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

export async function signInAs(page: Page, baseUrl: string, email: string, password = "alliance-demo-2026") {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/**
 * Presses Tab until the focused element has the given accessible text (its label, or its own text),
 * as a keyboard user would; fails after `limit` presses.
 */
export async function tabTo(page: Page, name: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return "";
      const labels = (element as HTMLInputElement).labels;
      const label = labels && labels.length > 0 ? (labels[0]?.textContent ?? "") : "";
      return `${label}|${element.getAttribute("aria-label") ?? ""}|${element.textContent ?? ""}`;
    });
    if (focused.split("|").some((text) => text.trim() === name)) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}
