// The `alliance` command: serve, migrate, demo, and start (what `npm start` runs).

import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import type { ServerConfig } from "../server/config.ts";
import type { Database } from "../store/database.ts";
import { registerAnalyzeCommand } from "./analyze.command.ts";
import type { DemoSignIn, SeedResult } from "./demo-seed.ts";
import { InputError, registerInstrumentCommands } from "./instruments.command.ts";
import { registerMatchCommands } from "./match.command.ts";

// The server, the database layer and the demo seed are loaded only by the commands that use them
// (`await import` in their actions): loading them takes about half a second, which `alliance analyze`,
// `alliance match` and `--help` should not pay.

/** A failure caused by bad input or configuration: exit code 2 with a one-line reason. */
class UsageError extends Error {}

async function config(overrides: { port?: number }): Promise<ServerConfig> {
  const [{ readConfig }, { WEB_ROOT }] = await Promise.all([
    import("../server/config.ts"),
    import("./web-build.ts"),
  ]);
  try {
    const env = overrides.port === undefined ? process.env : { ...process.env, PORT: String(overrides.port) };
    return readConfig(env, process.cwd(), WEB_ROOT, process.stdout.isTTY === true);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError("a port is a whole number from 0 to 65535");
  return n;
}

async function withDatabase<T>(cfg: ServerConfig, work: (database: Database) => Promise<T>): Promise<T> {
  const { openDatabase } = await import("../store/database.ts");
  const database = openDatabase(cfg.database);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Seeds the demo organization (unless it exists) with the real clock, ids and password hashing. */
async function seedDemoData(database: Database): Promise<SeedResult> {
  const [{ randomIds, systemClock }, { hashPassword }, { seedDemo }] = await Promise.all([
    import("../server/runtime.ts"),
    import("../server/auth/passwords.ts"),
    import("./demo-seed.ts"),
  ]);
  return await seedDemo(database, { clock: systemClock, ids: randomIds, hashPassword });
}

function printSignIns(signIns: readonly DemoSignIn[], url?: string): void {
  const lines = ["", "Demo sign-ins (all with the password shown):"];
  for (const s of signIns)
    lines.push(`  ${s.role.padEnd(10)} ${s.email.padEnd(28)} ${s.password}   ${s.name}`);
  if (url) lines.push("", `Open ${url} and sign in as coach@alliance.example to start.`);
  console.log(lines.join("\n"));
}

function serveUntilStopped(close: () => Promise<void>): void {
  const stop = () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

export function program(): Command {
  const cli = new Command("alliance")
    .description("Alliance: build, measure and repair the working alliance between coach and coachee.")
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride();

  cli
    .command("serve")
    .description("Migrate the database and serve the API and web app (DATABASE_URL, PORT: see README)")
    .option("-p, --port <port>", "port to listen on (default: $PORT or 3000)", port)
    .action(async (options: { port?: number }) => {
      const cfg = await config(options);
      const { startServer } = await import("../server/runtime.ts");
      const server = await startServer(cfg);
      console.error(`Alliance is serving on ${cfg.publicUrl} (database: ${cfg.database.dialect})`);
      serveUntilStopped(server.close);
    });

  cli
    .command("migrate")
    .description("Bring the database schema up to date, then exit")
    .option("--json", "print the result as JSON")
    .action(async (options: { json?: boolean }) => {
      const cfg = await config({});
      const { migrateToLatest } = await import("../store/database.ts");
      const report = await withDatabase(cfg, migrateToLatest);
      if (options.json)
        console.log(JSON.stringify({ dialect: cfg.database.dialect, applied: report.applied }));
      else
        console.log(
          report.applied.length ? `Applied: ${report.applied.join(", ")}` : "The schema is up to date.",
        );
    });

  cli
    .command("demo")
    .description("Add the demo organization (if it is not there yet) and print its sign-ins")
    .option("--json", "print the sign-ins as JSON")
    .action(async (options: { json?: boolean }) => {
      const cfg = await config({});
      const { migrateToLatest } = await import("../store/database.ts");
      const result = await withDatabase(cfg, async (database) => {
        await migrateToLatest(database);
        return await seedDemoData(database);
      });
      if (options.json) console.log(JSON.stringify(result));
      else {
        console.log(result.seeded ? "Demo organization created." : "The demo organization is already there.");
        printSignIns(result.signIns);
      }
    });

  cli
    .command("start")
    .description("What `npm start` runs: build the web app if needed, seed demo data on first start, serve")
    .option("-p, --port <port>", "port to listen on (default: $PORT or 3000)", port)
    .action(async (options: { port?: number }) => {
      const cfg = await config(options);
      const [{ buildWebIfNeeded }, { migrateToLatest, openDatabase }, { repositories }, { startServer }] =
        await Promise.all([
          import("./web-build.ts"),
          import("../store/database.ts"),
          import("../store/repositories.ts"),
          import("../server/runtime.ts"),
        ]);
      buildWebIfNeeded();
      const database = openDatabase(cfg.database);
      await migrateToLatest(database);
      let signIns: DemoSignIn[] | null = null;
      if ((await repositories(database.db).organizations.countOrganizations()) === 0) {
        signIns = (await seedDemoData(database)).signIns;
      }
      const server = await startServer(cfg, database);
      console.log(`\nAlliance is running at ${cfg.publicUrl} (database: ${cfg.database.dialect})`);
      if (signIns) printSignIns(signIns, cfg.publicUrl);
      else console.log("Demo sign-ins: run `npx alliance demo` to list them (password alliance-demo-2026).");
      serveUntilStopped(server.close);
    });

  registerInstrumentCommands(cli);
  registerAnalyzeCommand(cli);
  registerMatchCommands(cli);
  return cli;
}

export async function main(argv: readonly string[]): Promise<number> {
  const cli = program();
  try {
    await cli.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError || error instanceof InputError) {
      console.error(`alliance: ${error.message}`);
      return 2;
    }
    console.error(`alliance: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/**
 * Runs the command line as a process: `alliance … | head` ends quietly when the reader goes away, and the
 * process ends by its exit code, so output still on its way to a pipe is written first.
 */
export async function run(argv: readonly string[]): Promise<void> {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  process.exitCode = await main(argv);
}

// Run directly (`node src/cli/main.ts …`, as `npm start` does); bin/alliance.js calls run() itself.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await run(process.argv.slice(2));
}
