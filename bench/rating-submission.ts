// Benchmark: coachee rating submissions on the embedded SQLite database, against a bare Fastify route.
//
// Target (issue 3): p99 ≤ 25 ms at 1,000 submissions a second on 2 cores. Every request submits a fresh
// single-use link (validate, score, store the response and its audit entry, mark the link used, run
// the feedback rules and store new alerts). The baseline is a Fastify route that only answers JSON,
// served from its own process like the app and loaded the same way in the same run. Each round warms
// the server up for a second, then measures; the machine is shared and noisy, so several rounds run and
// the medians are reported. Traffic goes to loopback only, bounded in count and time.
//
// Run: npm run bench   (writes a summary to stdout; copy it into bench/RESULTS.md with machine and date)
// BENCH_RATE, BENCH_SECONDS, BENCH_ROUNDS, BENCH_CONNECTIONS change the load; BENCH_PROFILE=1 writes CPU profiles to /tmp/prof.

import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import type {
  AccountId,
  EngagementId,
  IsoInstant,
  MembershipId,
  Minutes,
  OrganizationId,
  PersonId,
  ProgrammeId,
  SessionId,
} from "../src/core/shared/brand.ts";
import { median } from "../src/core/shared/numbers.ts";
import { hashToken } from "../src/server/auth/tokens.ts";
import { migrateToLatest, openDatabase } from "../src/store/database.ts";
import { inTransaction } from "../src/store/repositories.ts";

const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_SECONDS = 1;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const ENGAGEMENTS = 3_000;
const SESSIONS_PER_ENGAGEMENT = Math.ceil((RATE * (SECONDS + WARM_UP_SECONDS) * ROUNDS * 1.2) / ENGAGEMENTS);

const ORG = "bench-org" as OrganizationId;
const PROGRAMME = "bench-programme" as ProgrammeId;
const ANSWERS = {
  "goals-focus": 8,
  "goals-shared": 7,
  "approach-fit": 9,
  "approach-progress": 6,
  "bond-openness": 9,
  "bond-support": 8,
  overall: 8,
};

/** An organization with ENGAGEMENTS engagements, each with held sessions that have unused rating links. */
async function seed(file: string): Promise<string[]> {
  const database = openDatabase({ dialect: "sqlite", file });
  await migrateToLatest(database);
  const now = new Date().toISOString() as IsoInstant;
  const expires = new Date(Date.now() + 86_400_000).toISOString() as IsoInstant;
  const tokens: string[] = [];
  await inTransaction(database.db, async (repos) => {
    await repos.organizations.insertOrganization({ id: ORG, name: "Bench" }, now);
    await repos.organizations.insertProgramme({ organizationId: ORG, id: PROGRAMME, name: "Bench" }, now);
    for (let e = 0; e < ENGAGEMENTS; e++) {
      const coach = `coach-${e % 100}` as PersonId;
      const coachee = `coachee-${e}` as PersonId;
      for (const [id, role] of [
        [coach, "coach"],
        [coachee, "coachee"],
      ] as const) {
        if (role === "coach" && e >= 100) continue;
        await repos.organizations.insertPerson(
          {
            organizationId: ORG,
            id,
            accountId: null as AccountId | null,
            displayName: id,
            email: `${id}@bench.example`,
          },
          now,
        );
        await repos.organizations.insertMembership(
          { organizationId: ORG, id: `m-${id}` as MembershipId, personId: id, programmeId: PROGRAMME, role },
          now,
        );
      }
      const engagementId = `eng-${e}` as EngagementId;
      await repos.engagements.insertEngagement(
        {
          organizationId: ORG,
          id: engagementId,
          programmeId: PROGRAMME,
          coachId: coach,
          coacheeId: coachee,
          sponsorId: null,
        },
        now,
      );
      for (let s = 0; s < SESSIONS_PER_ENGAGEMENT; s++) {
        const sessionId = `s-${e}-${s}` as SessionId;
        const startsAt = new Date(
          Date.now() - (SESSIONS_PER_ENGAGEMENT - s) * 86_400_000,
        ).toISOString() as IsoInstant;
        await repos.engagements.insertSession(
          {
            organizationId: ORG,
            id: sessionId,
            engagementId,
            status: "held",
            startsAt,
            durationMinutes: 60 as Minutes,
            mode: "video",
            heldAt: startsAt,
            cancelledAt: null,
            cancelReason: null,
            version: 1,
          },
          now,
        );
        const token = `bench-token-${e}-${s}`;
        await repos.ratings.insertRatingLink(
          {
            organizationId: ORG,
            id: `link-${e}-${s}`,
            sessionId,
            respondentId: coachee,
            instrumentId: "alliance-check",
            extraInstruments: [],
            sessionNumber: null,
            tokenHash: hashToken(token),
            expiresAt: expires,
            usedAt: null,
          },
          now,
        );
        tokens.push(token);
      }
    }
  });
  await database.close();
  // Interleave engagements, as real traffic would: session s of every engagement, then s + 1.
  return tokens.sort((a, b) => Number(a.split("-").at(-1)) - Number(b.split("-").at(-1)));
}

interface Measured {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly errors: number;
  readonly non2xx: number;
  /** The server process's CPU time per request over its whole life (start, warm-up, load), in ms. */
  readonly cpuMsPerRequest?: number;
}

async function load(url: string, next: () => string, seconds = SECONDS): Promise<Measured> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    overallRate: RATE,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => ({ ...request, path: next(), body: JSON.stringify({ answers: ANSWERS }) }),
      },
    ],
  });
  return {
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Starts `bench/serve.ts` with `args` in its own process; resolves with its URL and a stop function. */
async function serve(args: string[]): Promise<{ url: string; stop: () => Promise<number> }> {
  const server = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : []),
      path.join(import.meta.dirname, "serve.ts"),
      ...args,
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const lines = createInterface({ input: server.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    server.once("exit", (code) => reject(new Error(`the server exited (${code})`)));
    lines.once("line", resolve);
  });
  // Its last line, on stopping, is its CPU time.
  const cpu = new Promise<number>((resolve) =>
    lines.once("line", (line) => resolve((JSON.parse(line) as { cpuMs: number }).cpuMs)),
  );
  return {
    url,
    stop: async () => {
      server.stdin?.end();
      await exited;
      return await cpu;
    },
  };
}

/** A warmed-up measurement of one server. */
async function measure(args: string[], next: () => string): Promise<Measured> {
  const server = await serve(args);
  let warmUp = 0;
  let measured: Measured | undefined;
  try {
    warmUp = (await load(server.url, next, WARM_UP_SECONDS)).requests;
    measured = await load(server.url, next);
  } finally {
    const cpuMs = await server.stop();
    if (measured) measured = { ...measured, cpuMsPerRequest: cpuMs / (warmUp + measured.requests) };
  }
  return measured;
}

const medianOf = (values: readonly number[]) => median(values) ?? 0;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "alliance-bench-"));
  const file = path.join(dir, "bench.db");
  process.stderr.write(`Seeding ${ENGAGEMENTS} engagements × ${SESSIONS_PER_ENGAGEMENT} held sessions…\n`);
  const tokens = await seed(file);

  let next = 0;
  const baseline: Measured[] = [];
  const rating: Measured[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    process.stderr.write(
      `Round ${round}/${ROUNDS}: bare Fastify route, then rating submissions, ${RATE}/s for ${SECONDS} s…\n`,
    );
    baseline.push(await measure(["--bare"], () => "/bare"));
    rating.push(await measure([file], () => `/api/ratings/${tokens[next++ % tokens.length]}`));
  }

  const row = (name: string, m: Measured) =>
    `| ${name} | ${m.requests} | ${m.perSecond.toFixed(0)} | ${m.p50} | ${m.p99} | ${m.max} | ${m.errors + m.non2xx} | ${m.cpuMsPerRequest?.toFixed(2) ?? "–"} |`;
  const p99Baseline = medianOf(baseline.map((m) => m.p99));
  const p99Rating = medianOf(rating.map((m) => m.p99));
  const lines = [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
    `Load: ${RATE} requests/s offered for ${SECONDS} s (after ${WARM_UP_SECONDS} s of warm-up) over ${CONNECTIONS} connections, ${ROUNDS} rounds; each server in its own process, autocannon in this one.`,
    "",
    "| route | requests | per second | p50 ms | p99 ms | max ms | errors | server CPU ms/request |",
    "|---|---|---|---|---|---|---|---|",
    ...baseline.flatMap((m, i) => {
      const r = rating[i];
      return r === undefined
        ? []
        : [
            row(`round ${i + 1}: bare Fastify route (baseline)`, m),
            row(`round ${i + 1}: POST /api/ratings/:token`, r),
          ];
    }),
    "",
    `Median p99: baseline ${p99Baseline} ms, rating ${p99Rating} ms; ratio ${(p99Rating / Math.max(p99Baseline, 1)).toFixed(1)}×. Median throughput: ${medianOf(rating.map((m) => m.perSecond)).toFixed(0)}/s; server CPU per request: baseline ${medianOf(baseline.map((m) => m.cpuMsPerRequest ?? 0)).toFixed(2)} ms, rating ${medianOf(rating.map((m) => m.cpuMsPerRequest ?? 0)).toFixed(2)} ms. Target p99 ≤ 25 ms at ${RATE}/s: ${p99Rating <= 25 ? "met" : "NOT met"}.`,
  ];
  console.log(lines.join("\n"));
}

await main();
