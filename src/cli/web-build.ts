// Builds the web app with Vite when dist/web is missing or older than the sources in web/.

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const WEB_ROOT = path.join(ROOT, "dist", "web");

/** The newest modification time of any file under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Runs `vite build` if needed; returns whether it built. Throws when the build fails. */
export function buildWebIfNeeded(log: (line: string) => void = console.error): boolean {
  const index = path.join(WEB_ROOT, "index.html");
  const sources = [path.join(ROOT, "web"), path.join(ROOT, "vite.config.ts")];
  const newestSource = Math.max(
    ...sources.map((s) => (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs)),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource) return false;
  log("Building the web app (vite build)…");
  const vite = path.join(ROOT, "node_modules", "vite", "bin", "vite.js");
  // Always a production build, even when started from the test runner (which sets NODE_ENV=test and
  // would otherwise bundle React's development build).
  const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("vite build failed; see the messages above");
  return true;
}
