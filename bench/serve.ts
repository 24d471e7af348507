// Serves Alliance on a given SQLite file for the benchmark, in its own process, or with `--bare` a Fastify
// route that only answers JSON (the baseline); prints its URL on stdout and stops when stdin closes.

import path from "node:path";
import Fastify from "fastify";
import { readConfig } from "../src/server/config.ts";
import { startServer } from "../src/server/runtime.ts";

const arg = process.argv[2];
if (!arg) throw new Error("usage: node bench/serve.ts DATABASE_FILE | --bare");

async function start(): Promise<{ url: string; close: () => Promise<unknown> }> {
  if (arg === "--bare") {
    const bare = Fastify({ logger: false });
    bare.post("/bare", async () => ({ total: 30, goals: 7.5, approach: 7.5, bond: 8.5 }));
    return { url: await bare.listen({ port: 0, host: "127.0.0.1" }), close: () => bare.close() };
  }
  const file = arg as string;
  const config = readConfig(
    { PORT: "0", HOST: "127.0.0.1", DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: "error", LOG_FORMAT: "json" },
    process.cwd(),
    path.join(path.dirname(file), "no-web"),
  );
  return await startServer(config);
}

const server = await start();
process.stdout.write(`${server.url}\n`);
process.stdin.resume();
process.stdin.once("end", () => {
  // The process's CPU time (user + system), for CPU per request: steadier than latency on a busy machine.
  const { user, system } = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpuMs: (user + system) / 1000 })}\n`);
  server.close().then(() => process.exit(0));
});
