// Once for the whole test run: builds the web app for the browser tests (so that parallel test files
// never race to build it), and starts one real PostgreSQL server in a child process
// (test/support/postgres-server.ts). Test files create their own databases on it, so they stay
// independent and run in parallel.

import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { TestProject } from "vitest/node";
import { buildWebIfNeeded } from "../src/cli/web-build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

function startPostgres(): Promise<{ child: ChildProcess; url: string }> {
  const script = path.join(import.meta.dirname, "support", "postgres-server.ts");
  const child = spawn(process.execPath, [script], { stdio: ["pipe", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("PostgreSQL did not start within 90 s")), 90_000);
    child.once("exit", (code) => reject(new Error(`PostgreSQL process ended early (exit code ${code})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", (line) => {
      clearTimeout(timer);
      resolve({ child, url: (JSON.parse(line) as { url: string }).url });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const kill = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    // Closing its standard input asks the server process to stop PostgreSQL and clean up.
    child.stdin?.end();
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildWebIfNeeded();
  const { child, url } = await startPostgres();
  project.provide("postgresUrl", url);
  return () => stop(child);
}
