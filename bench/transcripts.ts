// Benchmark: the transcript analyser end to end (parse, roles, coding, metrics, circumplex, sequences,
// flags) on a large generated corpus, against wink-nlp's tokenisation and sentence pipeline on the same
// text in the same run (issue 4: ≥ 1,000,000 words/s per core; a one-hour session of ~9,000 words in
// ≤ 20 ms; 1,000 files on 2 cores ≥ 1.7× faster than on 1).
//
// Run: npm run bench:transcripts   (BENCH_WORDS sets the corpus size, default 2,000,000)

import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { analyzeOnWorkers } from "../src/cli/analyze.command.ts";
import { analyzeTranscript } from "../src/core/transcripts/analyze.ts";
import { parseTranscript } from "../src/core/transcripts/parse-transcript.ts";

const CORPUS_WORDS = Number(process.env.BENCH_WORDS ?? 2_000_000);
const SESSION_WORDS = 9_000;
const FILES = 1_000;
const FILE_WORDS = [900, 9_000] as const;

/** A small deterministic PRNG (mulberry32), so every run analyses the same corpus. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COACH_LINES = [
  "What would make this session useful for you?",
  "It sounds like you feel stretched between the team and your director.",
  "You should put that in writing before Friday.",
  "How did they respond when you raised it?",
  "So the deadline moved again.",
  "Would it be okay if I shared something that has helped other leaders?",
  "I noticed you smiled when you talked about the new project.",
  "Mm-hm.",
  "It's your call how far you take this.",
  "We have about ten minutes left, so let's look at next steps.",
];
const COACHEE_LINES = [
  "I'm worried that the reorganisation will undo everything we built last year.",
  "Honestly, I think I always try to fix things myself before asking anyone.",
  "I'm going to talk to her on Monday and ask what she needs from me.",
  "There's no point, they never listen to what the nurses say anyway.",
  "My goal is to lead the new unit by spring without burning out.",
  "Yes, exactly.",
  "What would you do if you were in my place?",
  "It was a long week and I felt exhausted by Thursday.",
];

/** A plain-text session of about `words` words, alternating coach and coachee turns. */
function session(words: number, random: () => number): string {
  const lines: string[] = [];
  let count = 0;
  let coach = true;
  while (count < words) {
    const pool = coach ? COACH_LINES : COACHEE_LINES;
    const line = pool[Math.floor(random() * pool.length)] ?? "";
    // Coachees sometimes talk at length: two or three sentences in one turn.
    const text = coach || random() < 0.5 ? line : `${line} ${pool[Math.floor(random() * pool.length)] ?? ""}`;
    lines.push(`${coach ? "Maya" : "Daniel"}: ${text}`);
    count += text.split(/\s+/).length;
    coach = !coach;
  }
  return `${lines.join("\n")}\n`;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function analyse(text: string): void {
  const parsed = parseTranscript(text, "plain");
  if (!parsed.ok) throw new Error(parsed.error.message);
  const analysed = analyzeTranscript(parsed.value, "Maya");
  if (!analysed.ok) throw new Error(analysed.error);
}

function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const random = prng(2026);
  // The corpus as one-hour sessions, as real files would be.
  const sessions: string[] = [];
  let corpusWords = 0;
  while (corpusWords < CORPUS_WORDS) {
    const text = session(SESSION_WORDS, random);
    sessions.push(text);
    corpusWords += wordCount(text);
  }
  process.stderr.write(`Corpus: ${sessions.length} sessions, ${corpusWords} words.\n`);

  // Warm up both pipelines, then measure each on the whole corpus.
  const nlp = winkNLP(model);
  const its = nlp.its;
  for (const text of sessions.slice(0, 3)) {
    analyse(text);
    nlp.readDoc(text).tokens().out(its.value);
  }
  const oursMs = timed(() => {
    for (const text of sessions) analyse(text);
  });
  const winkMs = timed(() => {
    for (const text of sessions) {
      const doc = nlp.readDoc(text);
      doc.tokens().out(its.value);
      doc.sentences().out();
    }
  });
  const oursRate = corpusWords / (oursMs / 1000);
  const winkRate = corpusWords / (winkMs / 1000);

  // One session of ~9,000 words: the median of 21 runs.
  const one = sessions[0] ?? "";
  const runs = Array.from({ length: 21 }, () => timed(() => analyse(one))).sort((a, b) => a - b);
  const sessionMs = runs[10] ?? 0;

  // 1,000 files through the CLI's pool on 1 thread and on 2 (this one and one worker thread, as
  // `alliance analyze` runs on 2 cores), in this warm process; then the command itself on 1 and 2 cores.
  // Short sessions of ~900 words, where starting the worker weighs most, and hour-long sessions of ~9,000
  // words, as coaching sessions usually are.
  const dir = mkdtempSync(path.join(tmpdir(), "alliance-bench-transcripts-"));
  const pools = [];
  for (const words of FILE_WORDS) {
    const files = Array.from({ length: FILES }, (_, i) => {
      const file = path.join(dir, `session-${words}-${i}.txt`);
      writeFileSync(file, session(words, random));
      return file;
    });
    process.stderr.write(`${FILES} files of ~${words} words on 1 thread, then on 2 (${POOL_RUNS} times)…\n`);
    const oneThread: number[] = [];
    const twoThreads: number[] = [];
    for (let run = 0; run < POOL_RUNS; run++) {
      oneThread.push(await timedAsync(() => analyzeOnWorkers(files, { coach: "Maya", format: "plain" }, 1)));
      twoThreads.push(await timedAsync(() => analyzeOnWorkers(files, { coach: "Maya", format: "plain" }, 2)));
    }
    const oneThreadMs = median(oneThread);
    const twoThreadsMs = median(twoThreads);
    const cli = commandOnCores(files);
    pools.push({ words, oneThreadMs, twoThreadsMs, cli });
  }

  const lines = [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
    `Corpus: ${sessions.length} generated plain-text sessions, ${corpusWords} words; one thread.`,
    "",
    "| measure | result | target |",
    "|---|---|---|",
    `| analyser, end to end | ${Math.round(oursRate).toLocaleString("en")} words/s | ≥ 1,000,000 words/s |`,
    `| wink-nlp tokens + sentences (reference) | ${Math.round(winkRate).toLocaleString("en")} words/s | — |`,
    `| ratio analyser / wink-nlp | ${(oursRate / winkRate).toFixed(2)}× | — |`,
    `| one session of ${wordCount(one)} words (median of 21) | ${sessionMs.toFixed(1)} ms | ≤ 20 ms |`,
    ...pools.flatMap(({ words, oneThreadMs, twoThreadsMs, cli }) => [
      `| ${FILES} files of ~${words} words, 1 thread (median of ${POOL_RUNS}) | ${oneThreadMs.toFixed(0)} ms | — |`,
      `| ${FILES} files of ~${words} words, 2 threads: this one and a worker (median of ${POOL_RUNS}) | ${twoThreadsMs.toFixed(0)} ms (${(oneThreadMs / twoThreadsMs).toFixed(2)}× faster) | ≥ 1.7× |`,
      ...(cli
        ? [
            `| \`alliance analyze --json\` on ${FILES} files of ~${words} words, 1 core (median of ${CLI_RUNS}) | ${cli.oneCoreMs.toFixed(0)} ms | — |`,
            `| \`alliance analyze --json\` on ${FILES} files of ~${words} words, 2 cores (median of ${CLI_RUNS}) | ${cli.twoCoresMs.toFixed(0)} ms (${(cli.oneCoreMs / cli.twoCoresMs).toFixed(2)}× faster) | ≥ 1.7× |`,
          ]
        : [`| \`alliance analyze\` on 1 and 2 cores | not measured: \`taskset\` is not installed | — |`]),
    ]),
  ];
  console.log(lines.join("\n"));
}

const CLI_RUNS = 5;
/** In-process pool runs per file size (1 thread, then 2, alternating); the medians are reported. */
const POOL_RUNS = 3;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}
const BIN = path.join(import.meta.dirname, "..", "bin", "alliance.js");

/** Wall time of one `alliance analyze --json` process on the given cores (`taskset -c`), output to a file. */
function commandMs(cores: string, files: readonly string[], out: string): number {
  const fd = openSync(out, "w");
  try {
    const start = performance.now();
    const run = spawnSync(
      "taskset",
      [
        "-c",
        cores,
        process.execPath,
        BIN,
        "analyze",
        "--json",
        "--coach",
        "Maya",
        "--format",
        "plain",
        ...files,
      ],
      { stdio: ["ignore", fd, "inherit"] },
    );
    const ms = performance.now() - start;
    if (run.status !== 0) throw new Error(`alliance analyze exited with ${run.status ?? run.signal}`);
    return ms;
  } finally {
    closeSync(fd);
  }
}

/**
 * The command as a user runs it, a fresh process each time, held to one core and then to two with
 * `taskset` (the command uses as many threads as it is given cores), alternating; medians. One untimed
 * run first fills Node's compile cache, as any earlier run would have. Null where taskset is missing or
 * this process may not use cores 0 and 1.
 */
function commandOnCores(files: readonly string[]): { oneCoreMs: number; twoCoresMs: number } | null {
  if (availableParallelism() < 2 || spawnSync("taskset", ["-c", "0,1", "true"]).status !== 0) return null;
  const out = path.join(tmpdir(), `alliance-bench-analyze-${process.pid}.jsonl`);
  commandMs("0,1", files.slice(0, 20), out);
  const one: number[] = [];
  const two: number[] = [];
  for (let run = 0; run < CLI_RUNS; run++) {
    one.push(commandMs("0", files, out));
    two.push(commandMs("0,1", files, out));
  }
  rmSync(out, { force: true });
  return { oneCoreMs: median(one), twoCoresMs: median(two) };
}

async function timedAsync(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

await main();
