// `alliance analyze FILE...`: the transcript analyser on the command line — one JSON object per file
// (JSON lines for several), or a readable report; many files run on worker threads with a progress bar.

import { mkdirSync, writeFileSync } from "node:fs";
import { enableCompileCache } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Command } from "commander";
import { TRANSCRIPT_FORMATS, type TranscriptFormat } from "../core/transcripts/transcript.ts";
import { type AnalyzeOptions, analyzeFile, type FileOutcome } from "./analyze-file.ts";
import { InputError } from "./instruments.command.ts";

/** From this many files on, the work is spread over worker threads (one per core). */
export const WORKERS_FROM_FILES = 8;

/**
 * Lets worker threads load the analyser's modules from Node's on-disk compile cache (code compiled and
 * types stripped once): a worker then starts in about 45 ms instead of 100–130 ms, which on a short job
 * is much of the gain from a second thread. Workers read the setting from the environment; it is left
 * alone when the caller set or disabled it.
 */
function shareCompileCacheWithWorkers(): void {
  if (process.env.NODE_COMPILE_CACHE !== undefined || process.env.NODE_DISABLE_COMPILE_CACHE !== undefined)
    return;
  const directory = enableCompileCache()?.directory;
  if (directory) process.env.NODE_COMPILE_CACHE = directory;
}

/** Files per message to a worker: enough to make the round trip cheap, few enough to share the work. */
const BATCH = 8;

/**
 * Analyses `files` on `threads` threads — this one and `threads − 1` workers, all taking batches from one
 * queue, so no work waits while the workers start — calling `progress` with the number done so far;
 * returns each file's outcome as JSON text, in the order given.
 */
export async function analyzeOnWorkers(
  files: readonly string[],
  options: AnalyzeOptions,
  threads: number,
  progress: (done: number) => void = () => {},
): Promise<string[]> {
  const results: string[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const take = (): { start: number; batch: readonly string[] } | null => {
    if (next >= files.length) return null;
    const start = next;
    next = Math.min(files.length, next + BATCH);
    return { start, batch: files.slice(start, next) };
  };
  const store = (start: number, json: readonly string[]) => {
    json.forEach((text, i) => {
      results[start + i] = text;
    });
    done += json.length;
    progress(done);
  };
  const workerCount = Math.max(0, Math.min(threads - 1, Math.ceil(files.length / BATCH) - 1));
  if (workerCount > 0) shareCompileCacheWithWorkers();
  const workers = Array.from(
    { length: workerCount },
    () => new Worker(new URL("./analyze.worker.ts", import.meta.url), { workerData: options }),
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
          worker.on("message", (message: { start: number; json: string[] }) => {
            inFlight -= 1;
            store(message.start, message.json);
            send();
          });
          worker.once("error", reject);
          // A worker that stops without an error (out of memory, killed) must not leave its files waiting.
          worker.once("exit", (code) => {
            if (next < files.length || code !== 0)
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
          job.batch.map((file) => JSON.stringify(analyzeFile(file, options))),
        );
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await Promise.all([here, ...onWorkers]);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}

/** A one-line progress bar on stderr (only on a terminal). */
function progressBar(total: number): (done: number) => void {
  if (!process.stderr.isTTY || total < 2) return () => {};
  const width = 30;
  return (done) => {
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} files`);
    if (done === total) process.stderr.write("\n");
  };
}

const pct = (share: number) => `${Math.round(share * 100)} %`;

/** A readable report of one file's analysis. */
export function report(outcome: FileOutcome): string {
  if ("error" in outcome) {
    return `${outcome.file}: ${outcome.error.line > 0 ? `line ${outcome.error.line}: ` : ""}${outcome.error.message}`;
  }
  const m = outcome.metrics;
  const lines = [`${outcome.file} (${outcome.format}, ${outcome.utterances.length} turns)`];
  for (const warning of outcome.warnings) lines.push(`  ! ${warning}`);
  for (const s of outcome.speakers) {
    lines.push(
      `  ${s.role.padEnd(7)} ${s.name}: ${s.words} words, ${s.turns} turns, talk share ${pct(s.talkShare)}, ` +
        `${s.questions} questions (${s.openQuestions} open, ${s.closedQuestions} closed), longest monologue ${s.longestMonologue.words} words`,
    );
  }
  lines.push(
    `  reflections per question ${m.reflectionToQuestionRatio ?? "–"} (MITI: ${m.miti.reflectionToQuestion ?? "–"}); ` +
      `complex reflections ${m.percentComplexReflections ?? "–"} % (MITI: ${m.miti.complexReflections ?? "–"})`,
  );
  lines.push(
    `  coachee's words ${pct(m.coacheeShareOfWords)}; coachee's talk: past ${pct(m.coacheeTemporalFocus.past)}, ` +
      `present ${pct(m.coacheeTemporalFocus.present)}, future ${pct(m.coacheeTemporalFocus.future)}`,
  );
  if (m.timed) {
    lines.push(
      `  ${m.interactivity ?? "–"} speaker switches a minute; coach's median pause ${m.coachMedianPauseSeconds ?? "–"} s; ` +
        `${m.interruptions} interruptions`,
    );
  }
  const c = outcome.circumplex;
  lines.push(
    `  circumplex: coach ${c.coach.octant} (dominance ${c.coach.dominance}, friendliness ${c.coach.friendliness}); ` +
      `coachee ${c.coachee.octant}`,
  );
  lines.push(
    `  friendliness reciprocated: Q ${outcome.sequences.reciprocityOfFriendliness ?? "–"}; ` +
      `dominance complemented: ${outcome.sequences.complementarityOfDominance ?? "–"}`,
  );
  for (const flag of outcome.flags) lines.push(`  • turn ${flag.index + 1}: ${flag.message}`);
  return lines.join("\n");
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
        const json =
          files.length >= WORKERS_FROM_FILES
            ? await analyzeOnWorkers(files, analyzeOptions, availableParallelism(), progressBar(files.length))
            : files.map((file) => JSON.stringify(analyzeFile(file, analyzeOptions)));
        const outcomes = json.map((text) => JSON.parse(text) as FileOutcome);
        if (options.out !== undefined) {
          mkdirSync(options.out, { recursive: true });
          const used = new Set<string>();
          for (const outcome of outcomes) {
            if ("error" in outcome) continue;
            // Files of the same name from different folders get -2, -3, … rather than overwrite each other.
            const base = path.basename(outcome.file);
            let name = `${base}.analysis.json`;
            for (let n = 2; used.has(name); n++) name = `${base}-${n}.analysis.json`;
            used.add(name);
            writeFileSync(path.join(options.out, name), `${JSON.stringify(outcome, null, 2)}\n`);
          }
        }
        for (const [i, outcome] of outcomes.entries()) {
          if (options.json) console.log(json[i]);
          // A readable run reports failures once, on stderr, below.
          else if (!("error" in outcome)) console.log(report(outcome));
        }
        const failed = outcomes.filter((outcome) => "error" in outcome);
        if (failed.length > 0) {
          const first = failed[0];
          const where =
            first && "error" in first
              ? `${first.file}${first.error.line > 0 ? `, line ${first.error.line}` : ""}: ${first.error.message}`
              : "";
          throw new InputError(
            failed.length === 1
              ? where
              : `${failed.length} of ${outcomes.length} files could not be analysed (first: ${where})`,
          );
        }
      },
    );
}
