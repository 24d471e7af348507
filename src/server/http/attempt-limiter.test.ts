import { describe, expect, it } from "vitest";
import { AttemptLimiter } from "./attempt-limiter.ts";

describe("AttemptLimiter", () => {
  it("allows max attempts per key in a window, then refuses until the window ends", () => {
    let now = 0;
    const limiter = new AttemptLimiter(3, 60_000, () => now);
    expect([1, 2, 3, 4].map(() => limiter.hit("ip-a").limited)).toEqual([false, false, false, true]);
    expect(limiter.hit("ip-b").limited).toBe(false);
    now = 45_000;
    expect(limiter.hit("ip-a")).toEqual({ limited: true, retryAfterSeconds: 15 });
    now = 60_000;
    expect(limiter.hit("ip-a").limited).toBe(false);
  });
});
