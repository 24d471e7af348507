import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import type { IsoInstant } from "../../core/shared/brand.ts";
import type { Database } from "../database.ts";
import { JobRepository } from "./job.repository.ts";

const at = (iso: string) => iso as IsoInstant;
const T0 = at("2026-11-20T08:00:00.000Z");
const LATER = at("2026-11-20T08:10:00.000Z");

describe.each(DIALECTS)("job queue on %s", (dialect) => {
  let database: TestDatabase;
  let jobs: JobRepository;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    jobs = new JobRepository(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it("claims only due jobs, in run_at order, and completes them", async () => {
    await jobs.enqueueJob(
      { id: "j-late", organizationId: null, kind: "mail", payload: { n: 2 }, runAt: LATER },
      T0,
    );
    await jobs.enqueueJob(
      { id: "j-due", organizationId: null, kind: "mail", payload: { n: 1 }, runAt: T0 },
      T0,
    );
    const claimed = await jobs.claimNextJob("worker-a", T0, at("2026-11-20T08:05:00.000Z"));
    expect(claimed).toMatchObject({
      id: "j-due",
      status: "running",
      attempts: 1,
      lockedBy: "worker-a",
      payload: { n: 1 },
    });
    expect(await jobs.claimNextJob("worker-b", T0, LATER)).toBeUndefined();
    expect(await jobs.completeJob("j-due", "worker-b", T0)).toBe(false);
    expect(await jobs.completeJob("j-due", "worker-a", T0)).toBe(true);
    expect((await jobs.findJob("j-due"))?.status).toBe("done");
    expect((await jobs.claimNextJob("worker-b", LATER, at("2026-11-20T08:15:00.000Z")))?.id).toBe("j-late");
    await jobs.completeJob("j-late", "worker-b", LATER);
  });

  it("keeps one job per dedupe key", async () => {
    const job = {
      organizationId: null,
      kind: "reminder",
      payload: {},
      runAt: T0,
      dedupeKey: "reminder:link-1",
    };
    expect(await jobs.enqueueJob({ id: "j-d1", ...job }, T0)).toBe(true);
    expect(await jobs.enqueueJob({ id: "j-d2", ...job }, T0)).toBe(false);
    expect(await jobs.findJob("j-d2")).toBeUndefined();
    const claimed = await jobs.claimNextJob("w", T0, LATER, ["reminder"]);
    expect(claimed?.id).toBe("j-d1");
    await jobs.completeJob("j-d1", "w", T0);
  });

  it("retries a failed job later, and gives up after its attempts", async () => {
    await jobs.enqueueJob(
      {
        id: "j-f",
        organizationId: null,
        kind: "flaky",
        payload: { token: "secret" },
        runAt: T0,
        maxAttempts: 2,
      },
      T0,
    );
    await jobs.claimNextJob("w", T0, LATER, ["flaky"]);
    expect(await jobs.failJob("j-f", "w", "SMTP down", at("2026-11-20T08:01:00.000Z"), T0)).toBe(true);
    expect(await jobs.findJob("j-f")).toMatchObject({
      status: "queued",
      lastError: "SMTP down",
      lockedBy: null,
    });
    expect((await jobs.findJob("j-f"))?.payload).toEqual({ token: "secret" });
    expect(await jobs.claimNextJob("w", T0, LATER, ["flaky"])).toBeUndefined();
    await jobs.claimNextJob("w", at("2026-11-20T08:01:00.000Z"), LATER, ["flaky"]);
    await jobs.failJob("j-f", "w", "SMTP still down", LATER, T0);
    expect(await jobs.findJob("j-f")).toMatchObject({
      status: "failed",
      attempts: 2,
      lastError: "SMTP still down",
    });
    // A job that failed for good keeps no payload (it may carry a secret).
    expect((await jobs.findJob("j-f"))?.payload).toEqual({});
  });

  it("gives a job whose worker died to another worker once the lease ends", async () => {
    await jobs.enqueueJob({ id: "j-l", organizationId: null, kind: "lease", payload: {}, runAt: T0 }, T0);
    await jobs.claimNextJob("dies", T0, at("2026-11-20T08:05:00.000Z"), ["lease"]);
    expect(
      await jobs.claimNextJob("other", at("2026-11-20T08:04:59.000Z"), LATER, ["lease"]),
    ).toBeUndefined();
    const taken = await jobs.claimNextJob("other", at("2026-11-20T08:05:00.000Z"), LATER, ["lease"]);
    expect(taken).toMatchObject({ id: "j-l", lockedBy: "other", attempts: 2 });
    // The dead worker's late completion is refused; the new holder's is kept.
    expect(await jobs.completeJob("j-l", "dies", LATER)).toBe(false);
    expect(await jobs.completeJob("j-l", "other", LATER)).toBe(true);
  });

  it("hands each of 200 jobs to exactly one of four servers claiming at once", async () => {
    const count = 200;
    for (let i = 0; i < count; i++) {
      await jobs.enqueueJob(
        {
          id: `race-${String(i).padStart(3, "0")}`,
          organizationId: null,
          kind: "race",
          payload: { i },
          runAt: T0,
        },
        T0,
      );
    }
    const servers: Database[] = [database, database.reopen(), database.reopen(), database.reopen()];
    const done = new Map<string, string>();
    const duplicates: string[] = [];
    await Promise.all(
      servers.map(async (server, s) => {
        const queue = new JobRepository(server.db);
        // Each server runs two workers, as app servers with some concurrency would.
        await Promise.all(
          [0, 1].map(async (w) => {
            const worker = `server-${s}/worker-${w}`;
            for (;;) {
              const job = await queue.claimNextJob(worker, T0, LATER, ["race"]);
              if (!job) return;
              if (done.has(job.id)) duplicates.push(job.id);
              done.set(job.id, worker);
              expect(await queue.completeJob(job.id, worker, T0)).toBe(true);
            }
          }),
        );
      }),
    );
    await Promise.all(servers.slice(1).map((server) => server.close()));
    expect(duplicates).toEqual([]);
    expect(done.size).toBe(count);
    expect(new Set(done.values()).size).toBeGreaterThan(1);
    expect((await jobs.countJobsByStatus()).done).toBeGreaterThanOrEqual(count);
  });
});
