// A clock the test moves by hand, and ids that count up, so results do not depend on when tests run.

import type { Clock, IdSource, IsoInstant } from "../../src/core/shared/brand.ts";

export interface TestClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start = "2026-11-20T08:00:00.000Z"): TestClock {
  let now = Date.parse(start);
  return {
    now: () => new Date(now).toISOString() as IsoInstant,
    set: (iso) => {
      now = Date.parse(iso);
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

export function countingIds(prefix = "id"): IdSource {
  let n = 0;
  return { newId: () => `${prefix}-${String(++n).padStart(6, "0")}` };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
