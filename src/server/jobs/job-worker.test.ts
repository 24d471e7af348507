import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countingIds, testClock } from "../../../test/support/clock.ts";
import { openTestDatabase, type TestDatabase } from "../../../test/support/databases.ts";
import type { IsoInstant } from "../../core/shared/brand.ts";
import { type Job, JobRepository } from "../../store/jobs/job.repository.ts";
import { JobWorker, retryDelayMs } from "./job-worker.ts";

describe("JobWorker", () => {
  let database: TestDatabase;
  let jobs: JobRepository;

  beforeAll(async () => {
    database = await openTestDatabase("sqlite");
    jobs = new JobRepository(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it("runs due jobs with their handler, and retries a failure after a backoff", async () => {
    const clock = testClock();
    const ids = countingIds("job");
    const seen: Array<Job["payload"]> = [];
    let failNext = true;
    const worker = new JobWorker({
      workerId: "w1",
      jobs,
      clock,
      handlers: {
        greet: async (job) => {
          seen.push(job.payload);
        },
        flaky: async () => {
          if (failNext) {
            failNext = false;
            throw new Error("first try fails");
          }
        },
      },
    });
    for (const kind of ["greet", "greet", "flaky"]) {
      await jobs.enqueueJob(
        { id: ids.newId(), organizationId: null, kind, payload: { kind }, runAt: clock.now() },
        clock.now(),
      );
    }
    expect(await worker.runDueJobs()).toBe(3);
    expect(seen).toEqual([{ kind: "greet" }, { kind: "greet" }]);
    expect(await jobs.countJobsByStatus()).toMatchObject({ done: 2, queued: 1 });
    expect(await worker.runDueJobs()).toBe(0);
    clock.advance(retryDelayMs(1));
    expect(await worker.runDueJobs()).toBe(1);
    expect(await jobs.countJobsByStatus()).toMatchObject({ done: 3, queued: 0 });
  });

  it("backs off exponentially, up to an hour", () => {
    expect([1, 2, 3, 10, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
  });

  it("polls in the background until stopped", async () => {
    const clock = testClock();
    const ran: string[] = [];
    const worker = new JobWorker({
      workerId: "w2",
      jobs,
      clock,
      idleMs: 10,
      handlers: { tick: async (job) => void ran.push(job.id) },
    });
    worker.start();
    await jobs.enqueueJob(
      { id: "tick-1", organizationId: null, kind: "tick", payload: {}, runAt: clock.now() as IsoInstant },
      clock.now(),
    );
    await expect.poll(() => ran, { timeout: 2000 }).toEqual(["tick-1"]);
    await worker.stop();
  });
});
