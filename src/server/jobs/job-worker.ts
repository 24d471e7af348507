// Runs due jobs from the database queue: each app server runs one worker; claims keep jobs exclusive.

import type { Clock, IsoInstant } from "../../core/shared/brand.ts";
import type { Job, JobRepository } from "../../store/jobs/job.repository.ts";

/** Does one job's work. Throwing fails the attempt; the job is retried later. */
export type JobHandler = (job: Job) => Promise<void>;

export interface JobWorkerOptions {
  readonly workerId: string;
  readonly jobs: JobRepository;
  readonly clock: Clock;
  readonly handlers: Readonly<Record<string, JobHandler>>;
  /** How long a claim lasts before another worker may take the job over (ms). */
  readonly leaseMs?: number;
  /** Pause between polls when nothing is due (ms). */
  readonly idleMs?: number;
  readonly log?: { error(object: Record<string, unknown>, message: string): void };
}

export const DEFAULT_LEASE_MS = 5 * 60_000;
export const DEFAULT_IDLE_MS = 1_000;

function plus(at: IsoInstant, ms: number): IsoInstant {
  return new Date(Date.parse(at) + ms).toISOString() as IsoInstant;
}

/** Exponential backoff for the n-th failed attempt: 30 s, 1 min, 2 min, … capped at 1 hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

export class JobWorker {
  readonly #options: JobWorkerOptions;
  #running = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;

  constructor(options: JobWorkerOptions) {
    this.#options = options;
  }

  /** Claims and runs due jobs until none is left; returns how many it ran. */
  async runDueJobs(): Promise<number> {
    const { jobs, clock, workerId, handlers } = this.#options;
    const kinds = Object.keys(handlers);
    let ran = 0;
    for (;;) {
      const now = clock.now();
      const job = await jobs.claimNextJob(
        workerId,
        now,
        plus(now, this.#options.leaseMs ?? DEFAULT_LEASE_MS),
        kinds,
      );
      if (!job) return ran;
      ran++;
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(job);
        await jobs.completeJob(job.id, workerId, clock.now());
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.#options.log?.error({ err: error, jobId: job.id, kind: job.kind }, "job failed");
        const failedAt = clock.now();
        await jobs.failJob(job.id, workerId, message, plus(failedAt, retryDelayMs(job.attempts)), failedAt);
      }
    }
  }

  /** Starts polling in the background. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = (async () => {
      while (this.#running) {
        try {
          await this.runDueJobs();
        } catch (error) {
          this.#options.log?.error({ err: error }, "job queue unavailable");
        }
        if (!this.#running) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.#options.idleMs ?? DEFAULT_IDLE_MS);
          this.#wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    })();
  }

  /** Stops polling and waits for the job in hand, if any, to finish. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#wake?.();
    await this.#loop;
  }
}
