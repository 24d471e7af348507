// Runs the feedback rules after ratings and reflections in batches: the engagements that changed within
// a few milliseconds are loaded, evaluated and their new alerts stored together, in a handful of queries
// instead of about ten per rating. The answer to the coachee never waits for it.

import type { EngagementId, OrganizationId } from "../../core/shared/brand.ts";
import type { AppContext } from "../app-context.ts";
import type { BackgroundTasks } from "../background.ts";
import { refreshAlertsOf } from "./alliance-feedback.ts";

/** How long changes gather before a batch runs: short against a human's next look, long against a burst. */
export const ALERT_BATCH_DELAY_MS = 10;
/**
 * Most engagements loaded and evaluated in one go. On SQLite the queries run on the event loop, so a
 * batch yields to waiting requests between slices of this size: a slice blocks for about a millisecond.
 */
export const ALERT_BATCH_MAX = 10;

export class AlertRefreshQueue {
  readonly #ctx: AppContext;
  readonly #background: BackgroundTasks;
  readonly #delayMs: number;
  readonly #sliceSize: number;
  #dirty = new Map<OrganizationId, Set<EngagementId>>();
  #scheduled = false;

  constructor(
    ctx: AppContext,
    background: BackgroundTasks,
    delayMs = ALERT_BATCH_DELAY_MS,
    sliceSize = ALERT_BATCH_MAX,
  ) {
    this.#ctx = ctx;
    this.#background = background;
    this.#delayMs = delayMs;
    this.#sliceSize = sliceSize;
  }

  /** The engagement's data changed: its alerts are refreshed in the next batch (tracked as background work). */
  mark(orgId: OrganizationId, engagementId: EngagementId): void {
    const ids = this.#dirty.get(orgId) ?? new Set<EngagementId>();
    ids.add(engagementId);
    this.#dirty.set(orgId, ids);
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#background.run("alerts after ratings", async () => {
      await new Promise((resolve) => setTimeout(resolve, this.#delayMs));
      await this.#flush();
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#dirty;
    this.#dirty = new Map();
    this.#scheduled = false;
    // A slice that fails does not stop the others; the first failure is reported once all have run
    // (the rules run again whenever the coach looks, so a failed slice heals then).
    let failure: unknown;
    for (const [orgId, ids] of batch) {
      const all = [...ids];
      for (let start = 0; start < all.length; start += this.#sliceSize) {
        try {
          const engagements = await this.#ctx.repos.engagements.listEngagements(orgId, {
            ids: all.slice(start, start + this.#sliceSize),
          });
          await refreshAlertsOf(this.#ctx, orgId, engagements);
        } catch (error) {
          failure ??= error;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (failure !== undefined) throw failure;
  }
}
