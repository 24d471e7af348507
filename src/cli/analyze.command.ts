// `alliance analyze FILE...`: the transcript analyser on the command line — one JSON object per file
// (JSON lines for several), or a readable report; many files run on worker threads with a progress bar.

import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Command } from "commander";
import { TRANSCRIPT_FORMATS, type TranscriptFormat } from "../core/transcripts/transcript.ts";
import {
  type AnalyzeOptions,
  type EncodedFile,
  encodeFile,
  type Renderings,
  renderFile,
  type WorkerSetup,
} from "./analyze-file.ts";
import { shareCompileCache } from "./compile-cache.ts";
import { InputError } from "./instruments.command.ts";

/** From this many files on, the work is spread over worker threads (one per core). */
export const WORKERS_FROM_FILES = 8;

/** Files per message to a worker: enough to make the round trip cheap, few enough to share the work. */
const BATCH = 8;

export interface PoolCallbacks {
  /** Which texts to make for each file (default: its JSON line only). */
  readonly renderings?: Renderings;
  /** Called with each file's result, strictly in the order the files were given. */
  readonly onFile?: (result: EncodedFile, index: number) => void;
  /** Called with the number of files done so far, whenever a batch is done. */
  readonly progress?: (done: number) => void;
}

/**
 * Analyses `files` on `threads` threads — this one and `threads − 1` workers, all taking batches from one
 * queue, so no work waits while the workers start. Each result is handed on as soon as every file before
 * it is done, so output streams and a finished file's texts are not kept. The workers make the texts and
 * their UTF-8 bytes too, and move the bytes here: this thread only writes them out.
 */
export async function analyzeOnWorkers(
  files: readonly string[],
  options: AnalyzeOptions,
  threads: number,
  {
    renderings = { readable: false, pretty: false },
    onFile = () => {},
    progress = () => {},
  }: PoolCallbacks = {},
): Promise<void> {
  const waiting = new Map<number, EncodedFile>();
  let emitted = 0;
  let next = 0;
  let done = 0;
  // Set when a worker fails: no thread takes more work, and the failure ends the run.
  let stopped = false;
  const take = (): { start: number; batch: readonly string[] } | null => {
    if (stopped || next >= files.length) return null;
    const start = next;
    next = Math.min(files.length, next + BATCH);
    return { start, batch: files.slice(start, next) };
  };
  const store = (start: number, results: readonly EncodedFile[]) => {
    results.forEach((result, i) => {
      waiting.set(start + i, result);
    });
    for (let result = waiting.get(emitted); result; result = waiting.get(emitted)) {
      waiting.delete(emitted);
      onFile(result, emitted);
      emitted += 1;
    }
    done += results.length;
    progress(done);
  };
  const workerCount = Math.max(0, Math.min(threads - 1, Math.ceil(files.length / BATCH) - 1));
  if (workerCount > 0) shareCompileCache();
  const workers = Array.from(
    { length: workerCount },
    () =>
      new Worker(new URL("./analyze.worker.ts", import.meta.url), {
        workerData: { options, renderings } satisfies WorkerSetup,
      }),
  );
  try {
    const onWorkers = workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          // Two batches in flight: while this thread analyses a batch of its own it cannot answer, so
          // the worker starts its next batch without waiting (with one in flight it sat idle a third of
          // the time on hour-long files).
          let inFlight = 0;
          const send = () => {
            const job = take();
            if (!job) {
              if (inFlight === 0) resolve();
              return;
            }
            inFlight += 1;
            worker.postMessage({ start: job.start, files: job.batch });
          };
          worker.on("message", (message: { start: number; results: EncodedFile[] }) => {
            inFlight -= 1;
            try {
              store(message.start, message.results);
              send();
            } catch (error) {
              // Writing the results failed (a full disk, an --out path that is a folder).
              reject(error);
            }
          });
          worker.once("error", reject);
          // A worker that stops without an error (out of memory, killed) must not leave its files waiting.
          worker.once("exit", (code) => {
            if (inFlight > 0 || next < files.length || code !== 0)
              reject(new Error(`a worker thread stopped (exit code ${code})`));
          });
          send();
          send();
        }),
    );
    // This thread works too, yielding between batches so the workers' answers are taken in.
    const here = (async () => {
      for (let job = take(); job; job = take()) {
        store(
          job.start,
          job.batch.map((file) => encodeFile(renderFile(file, options, renderings))),
        );
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    try {
      await Promise.all([here, ...onWorkers]);
    } catch (error) {
      stopped = true;
      await Promise.allSettled([here]);
      throw error;
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * A one-line progress bar on stderr (only on a terminal). `clear` takes it off the line before output is
 * printed on the same terminal; the next update draws it again.
 */
function progressBar(total: number): { update: (done: number) => void; clear: () => void } {
  if (!process.stderr.isTTY || total < 2) return { update: () => {}, clear: () => {} };
  const width = 30;
  let drawn = false;
  return {
    update: (done) => {
      drawn = done < total;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} files`);
      if (done === total) process.stderr.write("\n");
    },
    clear: () => {
      if (drawn) process.stderr.write("\r\x1b[K");
      drawn = false;
    },
  };
}

function formatOption(value: string): TranscriptFormat {
  if ((TRANSCRIPT_FORMATS as readonly string[]).includes(value)) return value as TranscriptFormat;
  throw new InputError(`--format must be one of ${TRANSCRIPT_FORMATS.join(", ")} (got "${value}")`);
}

export function registerAnalyzeCommand(cli: Command): void {
  cli
    .command("analyze")
    .description(
      "Analyse session transcripts (WebVTT, SRT, plain text, Otter, diarised JSON): talk balance, questions, reflections, circumplex, sequences, flags",
    )
    .argument("<files...>", "transcript files")
    .option("--coach <name>", "the coach's name as the transcript writes it (else guessed, with a warning)")
    .option("--format <format>", `the format (${TRANSCRIPT_FORMATS.join(", ")}); detected when left out`)
    .option("--json", "print JSON: one object for one file, JSON lines for several")
    .option("--out <dir>", "also write FILE.analysis.json per file into this folder")
    .action(
      async (files: string[], options: { coach?: string; format?: string; json?: boolean; out?: string }) => {
        const analyzeOptions: AnalyzeOptions = {
          ...(options.coach !== undefined && { coach: options.coach }),
          ...(options.format !== undefined && { format: formatOption(options.format) }),
        };
        const renderings: Renderings = { readable: !options.json, pretty: options.out !== undefined };
        const out = options.out;
        if (out !== undefined) mkdirSync(out, { recursive: true });
        const bar = progressBar(files.length);
        const clearBar = process.stdout.isTTY ? bar.clear : () => {};
        const failures: string[] = [];
        const written = new Set<string>();
        // Each file's texts are written as soon as it and every file before it are done.
        const emit = (result: EncodedFile, index: number) => {
          if (result.failure !== null) failures.push(result.failure);
          if (out !== undefined && result.pretty !== null) {
            // Files of the same name from different folders get -2, -3, … rather than overwrite each other.
            const base = path.basename(files[index] ?? "");
            let name = `${base}.analysis.json`;
            for (let n = 2; written.has(name); n++) name = `${base}-${n}.analysis.json`;
            written.add(name);
            writeFileSync(path.join(out, name), result.pretty);
          }
          if (result.line.length > 0) {
            clearBar();
            process.stdout.write(result.line);
          }
        };
        if (files.length >= WORKERS_FROM_FILES)
          await analyzeOnWorkers(files, analyzeOptions, availableParallelism(), {
            renderings,
            onFile: emit,
            progress: bar.update,
          });
        else
          for (const [index, file] of files.entries())
            emit(encodeFile(renderFile(file, analyzeOptions, renderings)), index);
        const [first] = failures;
        if (first !== undefined) {
          throw new InputError(
            failures.length === 1
              ? first
              : `${failures.length} of ${files.length} files could not be analysed (first: ${first})`,
          );
        }
      },
    );
}
