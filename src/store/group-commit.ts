// Group commit: small transactions that arrive together (rating submissions under load) share one
// database transaction, each inside its own savepoint, so they pay for one commit instead of one each.
// A unit that fails rolls back to its savepoint alone; the others still commit.

import { type Kysely, sql } from "kysely";
import { type Repositories, repositories } from "./repositories.ts";
import type { Schema } from "./schema.ts";

interface Unit {
  readonly work: (repos: Repositories) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** Most units per shared transaction: bounds how long one commit holds the write lock. */
export const GROUP_COMMIT_MAX = 64;

export class GroupCommit {
  readonly #db: Kysely<Schema>;
  readonly #max: number;
  #queue: Unit[] = [];
  #running = false;

  constructor(db: Kysely<Schema>, max = GROUP_COMMIT_MAX) {
    this.#db = db;
    this.#max = max;
  }

  /**
   * Runs `work` in a transaction shared with the units queued in the same turn of the event loop. It
   * resolves once its transaction has committed, with `work`'s result; it rejects with `work`'s error
   * (only its own writes are undone) or with the commit's (nothing was written).
   */
  run<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#running) {
        this.#running = true;
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#max);
      await this.#commit(batch);
    }
    this.#running = false;
  }

  async #commit(batch: readonly Unit[]): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await this.#db.transaction().execute(async (trx) => {
        const repos = repositories(trx);
        for (const unit of batch) {
          await sql`savepoint unit`.execute(trx);
          try {
            outcomes.push({ ok: true, value: await unit.work(repos) });
            await sql`release savepoint unit`.execute(trx);
          } catch (error) {
            await sql`rollback to savepoint unit`.execute(trx);
            await sql`release savepoint unit`.execute(trx);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing of the batch was written.
      for (const unit of batch) unit.reject(error);
      return;
    }
    batch.forEach((unit, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) unit.resolve(outcome.value);
      else unit.reject(outcome?.error);
    });
  }
}
