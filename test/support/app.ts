// Builds the real Fastify app over a real database for API tests, with helpers to sign in and call it.

import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { type DemoSignIn, seedDemo } from "../../src/cli/demo-seed.ts";
import { buildApp } from "../../src/server/app.ts";
import type { AppContext } from "../../src/server/app-context.ts";
import { hashPassword } from "../../src/server/auth/passwords.ts";
import { readConfig } from "../../src/server/config.ts";
import type { Mailer, MailMessage } from "../../src/server/mail/mailer.ts";
import type { Database, Dialect } from "../../src/store/database.ts";
import { repositories } from "../../src/store/repositories.ts";
import { countingIds, type TestClock, testClock } from "./clock.ts";
import { openTestDatabase } from "./databases.ts";

/** A mailer that keeps what it sends, for tests that do not need a real SMTP server. */
export function memoryMailer(): Mailer & { readonly sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return { kind: "outbox", sent, send: async (message) => void sent.push(message), close: () => {} };
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly ctx: AppContext;
  readonly clock: TestClock;
  readonly database: Database;
  readonly mail: MailMessage[];
  close(): Promise<void>;
}

export async function testApp(
  options: { dialect?: Dialect; mailer?: Mailer; demo?: boolean } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(options.dialect ?? "sqlite");
  const clock = testClock();
  const ids = countingIds();
  const memory = memoryMailer();
  const mailer = options.mailer ?? memory;
  const config = readConfig({ PUBLIC_URL: "http://alliance.test" }, process.cwd(), "/nonexistent-web-root");
  const ctx: AppContext = { database, repos: repositories(database.db), mailer, clock, ids, config };
  if (options.demo !== false) await seedDemo(database, { clock, ids, hashPassword });
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  return {
    app,
    ctx,
    clock,
    database,
    mail: memory.sent,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in browser, as far as the API can tell: its cookie and CSRF token. */
export interface Caller {
  readonly cookie: string;
  readonly csrfToken: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

let nextAddress = 0;
/** A different documentation-range IP for each test sign-in, so tests do not trip the per-IP limit. */
function testAddress(): string {
  nextAddress++;
  return `198.51.${Math.floor(nextAddress / 250) % 250}.${(nextAddress % 250) + 1}`;
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  password = "alliance-demo-2026",
): Promise<Caller> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    remoteAddress: testAddress(),
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const { csrfToken } = response.json() as { csrfToken: string };
  const send = (method: "POST" | "PATCH" | "PUT") => (url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: { cookie, "x-csrf-token": csrfToken },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    cookie,
    csrfToken,
    get: (url) => app.inject({ method: "GET", url, headers: { cookie } }),
    post: send("POST"),
    patch: send("PATCH"),
    put: send("PUT"),
  };
}

export type { DemoSignIn };
