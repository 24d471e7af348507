// Moves SQLite's WAL checkpoints off the event loop. SQLite copies the write-ahead log back into the
// database file from inside a commit once the log passes 1,000 pages; with `synchronous = NORMAL` that
// copy ends in an fsync, and under load it stalled the event loop for 5–12 ms about every fifth of a
// second (the rating benchmark's p99). Here a worker thread holds its own connection and runs a PASSIVE
// checkpoint on a short timer, and the app's connection stops checkpointing by itself. A PASSIVE
// checkpoint never waits for or blocks the app's readers and writers.
//
// The log is reused from its start by the first commit after a checkpoint has caught up with it. Should
// commits arrive so densely that the worker never catches up, the log would grow; past a limit the
// worker hands checkpoints back to the app's connection for a while (being the only writer, it always
// catches up), then takes them over again.

import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import BetterSqlite3 from "better-sqlite3";

/** How often the worker checkpoints; at 1,000 commits a second the log stays near a few hundred pages. */
export const CHECKPOINT_INTERVAL_MS = 100;

/** SQLite's own threshold, on the app's connection whenever the worker is not keeping up or not running. */
const AUTOCHECKPOINT_PAGES = 1000;

/** Log pages past which the app's connection checkpoints by itself for a while: 64 MiB of 4 KiB pages. */
export const INLINE_AFTER_FRAMES = 16_384;

/** For how many of the worker's intervals the app's connection then checkpoints by itself. */
const INLINE_INTERVALS = 10;

export interface CheckpointerOptions {
  readonly intervalMs?: number;
  readonly inlineAfterFrames?: number;
}

export interface WalCheckpointer {
  /** Stops the worker; the app's connection checkpoints by itself again. */
  stop(): Promise<void>;
}

interface WorkerData {
  readonly file: string;
  readonly intervalMs: number;
  readonly inlineAfterFrames: number;
}

/** What the worker tells the app's thread: whether its connection should checkpoint by itself. */
interface InlineMessage {
  readonly inline: boolean;
}

/** Starts checkpointing `file` from a worker thread and turns off checkpoints on the app's `connection`. */
export function startWalCheckpointer(
  connection: BetterSqlite3.Database,
  file: string,
  { intervalMs = CHECKPOINT_INTERVAL_MS, inlineAfterFrames = INLINE_AFTER_FRAMES }: CheckpointerOptions = {},
): WalCheckpointer {
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { file, intervalMs, inlineAfterFrames } satisfies WorkerData,
  });
  worker.unref();
  const checkpointInline = (inline: boolean) => {
    if (connection.open) connection.pragma(`wal_autocheckpoint = ${inline ? AUTOCHECKPOINT_PAGES : 0}`);
  };
  checkpointInline(false);
  let stopping = false;
  worker.on("message", (message: InlineMessage) => {
    if (!stopping) checkpointInline(message.inline);
  });
  // A worker that failed must not leave the log growing without bound.
  worker.once("error", () => checkpointInline(true));
  worker.once("exit", () => checkpointInline(true));
  return {
    async stop() {
      stopping = true;
      checkpointInline(true);
      await worker.terminate();
    },
  };
}

function runWorker({ file, intervalMs, inlineAfterFrames }: WorkerData): void {
  const connection = new BetterSqlite3(file);
  const checkpoint = connection.prepare<[], { log: number }>("PRAGMA wal_checkpoint(PASSIVE)");
  let inlineFor = 0;
  const tell = (message: InlineMessage) => parentPort?.postMessage(message);
  setInterval(() => {
    if (inlineFor > 0) {
      inlineFor -= 1;
      if (inlineFor === 0) tell({ inline: false });
    } else if ((checkpoint.all()[0]?.log ?? 0) > inlineAfterFrames) {
      inlineFor = INLINE_INTERVALS;
      tell({ inline: true });
    }
  }, intervalMs);
}

if (!isMainThread && (workerData as Partial<WorkerData> | null)?.file !== undefined) {
  runWorker(workerData as WorkerData);
}
