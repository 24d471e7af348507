// The job queue in the database: enqueue, claim the next due job exclusively, complete or fail it.
//
// Claims are exclusive on both databases: on PostgreSQL the claim selects with FOR UPDATE SKIP LOCKED
// (servers racing for jobs skip each other's rows instead of waiting); on SQLite the single UPDATE is
// atomic under the database's write lock. A claim is a lease: if a worker dies, its job becomes due
// again when the lease ends, so handlers should be idempotent for that rare case.

import { type Kysely, PostgresAdapter } from "kysely";
import type { IsoInstant, OrganizationId } from "../../core/shared/brand.ts";
import type { Schema } from "../schema.ts";

export type JobStatus = "queued" | "running" | "done" | "failed";

export interface NewJob {
  readonly id: string;
  readonly organizationId: OrganizationId | null;
  readonly kind: string;
  /** JSON-serialisable data the handler needs; ids rather than personal data. */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly runAt: IsoInstant;
  /** A second job with the same key is not enqueued. */
  readonly dedupeKey?: string;
  readonly maxAttempts?: number;
}

export interface Job {
  readonly id: string;
  readonly organizationId: OrganizationId | null;
  readonly kind: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly status: JobStatus;
  readonly runAt: IsoInstant;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly lockedBy: string | null;
  readonly lockedUntil: IsoInstant | null;
  readonly lastError: string | null;
}

/** Tries a job this many times before giving up, unless it says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 5;

type JobRow = Schema["jobs"];

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    organizationId: row.organization_id as OrganizationId | null,
    kind: row.kind,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    status: row.status as JobStatus,
    runAt: row.run_at as IsoInstant,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until as IsoInstant | null,
    lastError: row.last_error,
  };
}

export class JobRepository {
  readonly #db: Kysely<Schema>;
  readonly #postgres: boolean;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
    this.#postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  }

  /** Adds a job; returns false (and adds nothing) when a job with the same dedupe key exists. */
  async enqueueJob(job: NewJob, at: IsoInstant): Promise<boolean> {
    const result = await this.#db
      .insertInto("jobs")
      .values({
        id: job.id,
        organization_id: job.organizationId,
        kind: job.kind,
        payload: JSON.stringify(job.payload),
        dedupe_key: job.dedupeKey ?? null,
        status: "queued",
        run_at: job.runAt,
        attempts: 0,
        max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        locked_by: null,
        locked_until: null,
        last_error: null,
        created_at: at,
        finished_at: null,
      })
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /**
   * Claims the next due job for `workerId` until `leaseUntil`: a queued job whose time has come, or a
   * running one whose lease has ended (its worker died). Returns undefined when nothing is due.
   */
  async claimNextJob(
    workerId: string,
    now: IsoInstant,
    leaseUntil: IsoInstant,
    kinds?: readonly string[],
  ): Promise<Job | undefined> {
    let due = this.#db
      .selectFrom("jobs")
      .select("id")
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "queued"), eb("run_at", "<=", now)]),
          eb.and([eb("status", "=", "running"), eb("locked_until", "<=", now)]),
        ]),
      )
      .orderBy("run_at")
      .orderBy("id")
      .limit(1);
    if (kinds !== undefined) due = due.where("kind", "in", kinds.length > 0 ? [...kinds] : [""]);
    if (this.#postgres) due = due.forUpdate().skipLocked();
    const row = await this.#db
      .updateTable("jobs")
      .set((eb) => ({
        status: "running",
        locked_by: workerId,
        locked_until: leaseUntil,
        attempts: eb("attempts", "+", 1),
      }))
      .where("id", "=", due)
      .returningAll()
      .executeTakeFirst();
    return row ? toJob(row) : undefined;
  }

  /**
   * Marks a job done, if `workerId` still holds it; false when its lease was lost to another worker.
   * A done job's payload is erased: it may carry a secret (a rating link's token) that is no longer needed.
   */
  async completeJob(id: string, workerId: string, now: IsoInstant): Promise<boolean> {
    const result = await this.#db
      .updateTable("jobs")
      .set({
        status: "done",
        finished_at: now,
        locked_by: null,
        locked_until: null,
        last_error: null,
        payload: "{}",
      })
      .where("id", "=", id)
      .where("status", "=", "running")
      .where("locked_by", "=", workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Records a failed attempt: the job is queued again at `retryAt`, or marked failed for good once it
   * has used its attempts. False when `workerId` no longer holds it.
   */
  async failJob(
    id: string,
    workerId: string,
    error: string,
    retryAt: IsoInstant,
    now: IsoInstant,
  ): Promise<boolean> {
    const result = await this.#db
      .updateTable("jobs")
      .set((eb) => ({
        status: eb.case().when("attempts", ">=", eb.ref("max_attempts")).then("failed").else("queued").end(),
        finished_at: eb.case().when("attempts", ">=", eb.ref("max_attempts")).then(now).else(null).end(),
        // A job that failed for good keeps no payload either (it may carry a secret).
        payload: eb
          .case()
          .when("attempts", ">=", eb.ref("max_attempts"))
          .then("{}")
          .else(eb.ref("payload"))
          .end(),
        run_at: retryAt,
        locked_by: null,
        locked_until: null,
        last_error: error.slice(0, 2000),
      }))
      .where("id", "=", id)
      .where("status", "=", "running")
      .where("locked_by", "=", workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async findJob(id: string): Promise<Job | undefined> {
    const row = await this.#db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toJob(row) : undefined;
  }

  async countJobsByStatus(): Promise<Record<JobStatus, number>> {
    const rows = await this.#db
      .selectFrom("jobs")
      .select((eb) => ["status", eb.fn.countAll().as("n")])
      .groupBy("status")
      .execute();
    const counts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const row of rows) counts[row.status as JobStatus] = Number(row.n);
    return counts;
  }
}
