// Serves Alliance on a given SQLite file for the benchmark, in its own process; prints its URL on stdout.

import path from "node:path";
import { readConfig } from "../src/server/config.ts";
import { startServer } from "../src/server/runtime.ts";

const file = process.argv[2];
if (!file) throw new Error("usage: node bench/serve.ts DATABASE_FILE");
const config = readConfig(
  { PORT: "0", HOST: "127.0.0.1", DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: "error", LOG_FORMAT: "json" },
  process.cwd(),
  path.join(path.dirname(file), "no-web"),
);
const server = await startServer(config);
process.stdout.write(`${server.url}\n`);
process.stdin.resume();
process.stdin.once("end", () => {
  server.close().then(() => process.exit(0));
});
