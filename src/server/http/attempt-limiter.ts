// A fixed-window counter of attempts per key, for a second limit where @fastify/rate-limit allows one per route.

export interface LimitResult {
  readonly limited: boolean;
  /** Seconds until the window that refused the attempt ends. */
  readonly retryAfterSeconds: number;
}

export class AttemptLimiter {
  readonly #max: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #windows = new Map<string, { count: number; endsAt: number }>();

  /** Allows `max` attempts per key in each window of `windowMs`. `now` is in milliseconds. */
  constructor(max: number, windowMs: number, now: () => number = Date.now) {
    this.#max = max;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  /** Counts one attempt for `key` and says whether it is over the limit. */
  hit(key: string): LimitResult {
    const now = this.#now();
    if (this.#windows.size > 10_000) this.#forgetEnded(now);
    let window = this.#windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + this.#windowMs };
      this.#windows.set(key, window);
    }
    window.count++;
    return { limited: window.count > this.#max, retryAfterSeconds: Math.ceil((window.endsAt - now) / 1000) };
  }

  #forgetEnded(now: number): void {
    for (const [key, window] of this.#windows) if (window.endsAt <= now) this.#windows.delete(key);
  }
}
