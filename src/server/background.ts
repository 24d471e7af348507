// Work done after the response has gone (sending mail), tracked so that shutdown and tests can wait for it.

import type { FastifyBaseLogger } from "fastify";

export class BackgroundTasks {
  readonly #pending = new Set<Promise<void>>();
  readonly #log: FastifyBaseLogger;

  constructor(log: FastifyBaseLogger) {
    this.#log = log;
  }

  /** Starts `task` now without waiting for it; a failure is logged with `what`, never thrown. */
  run(what: string, task: () => Promise<void>): void {
    const promise = task()
      .catch((error: unknown) => this.#log.error({ err: error }, `${what} failed`))
      .finally(() => this.#pending.delete(promise));
    this.#pending.add(promise);
  }

  /** Resolves once every task started so far has finished. */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }
}
