// Benchmark: exact cohort assignment (issue 5 target: 2,000 coachees × 200 coaches of capacity 10, all
// pairs allowed, solved optimally in ≤ 1 s with ≤ 500 MB), timed against the greedy baseline (best pair
// first) in the same run, with how much total score greedy loses. Scores are random (seeded) two-decimal
// numbers from 0 to 100, like the profile scores: "uniform" draws each pair alike; "popular coaches"
// gives each coach a quality (0–60) shared by all coachees plus 0–40 of noise, the harder case, as the
// best coaches fill first and the last coachees' paths run through many full coaches. Medians reported.
//
// Run: npm run bench:matching   (BENCH_COACHEES, BENCH_COACHES, BENCH_CAPACITY, BENCH_ROUNDS change it)

import { cpus, totalmem } from "node:os";
import { type AssignmentInput, assignCohort, assignGreedily } from "../src/core/matching/assignment.ts";
import { median } from "../src/core/shared/numbers.ts";

const COACHEES = Number(process.env.BENCH_COACHEES ?? 2000);
const COACHES = Number(process.env.BENCH_COACHES ?? 200);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

type Kind = "uniform" | "popular coaches";

function instance(seed: number, kind: Kind): AssignmentInput {
  let state = seed;
  const random = () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  const coachees = Array.from({ length: COACHEES }, (_, i) => `coachee-${String(i).padStart(5, "0")}`);
  const coaches = Array.from({ length: COACHES }, (_, j) => ({
    id: `coach-${String(j).padStart(4, "0")}`,
    capacity: CAPACITY,
  }));
  const coachIndex = new Map(coaches.map((c, j) => [c.id, j]));
  const coacheeIndex = new Map(coachees.map((c, i) => [c, i]));
  const quality = Array.from({ length: COACHES }, () => random() * 60);
  const table = Float64Array.from({ length: COACHEES * COACHES }, (_, k) =>
    kind === "uniform"
      ? Math.round(random() * 10_000) / 100
      : Math.round(((quality[k % COACHES] ?? 0) + random() * 40) * 100) / 100,
  );
  return {
    coachees,
    coaches,
    score: (coachee, coach) =>
      table[(coacheeIndex.get(coachee) ?? 0) * COACHES + (coachIndex.get(coach) ?? 0)],
  };
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

const rows: {
  kind: Kind;
  exactMs: number;
  greedyMs: number;
  exact: number;
  greedy: number;
  exactAssigned: number;
  greedyAssigned: number;
}[] = [];
let peakRss = process.memoryUsage().rss;
let peakHeap = 0;
for (let round = 1; round <= ROUNDS * 2; round++) {
  const kind: Kind = round % 2 === 1 ? "uniform" : "popular coaches";
  process.stderr.write(
    `Instance ${round}/${ROUNDS * 2} (${kind}): ${COACHEES} coachees × ${COACHES} coaches (capacity ${CAPACITY})…\n`,
  );
  const input = instance(round * 7919, kind);
  const greedy = timed(() => assignGreedily(input));
  const exact = timed(() => assignCohort(input));
  const memory = process.memoryUsage();
  peakRss = Math.max(peakRss, memory.rss);
  peakHeap = Math.max(peakHeap, memory.heapUsed);
  rows.push({
    kind,
    exactMs: exact.ms,
    greedyMs: greedy.ms,
    exact: exact.value.totalScore,
    greedy: greedy.value.totalScore,
    exactAssigned: exact.value.assignments.length,
    greedyAssigned: greedy.value.assignments.length,
  });
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const summary = (kind: Kind) => {
  const of = rows.filter((r) => r.kind === kind);
  const exactMs = median(of.map((r) => r.exactMs)) ?? 0;
  const greedyMs = median(of.map((r) => r.greedyMs)) ?? 0;
  const lossPct = median(of.map((r) => (100 * (r.exact - r.greedy)) / r.exact)) ?? 0;
  return {
    exactMs,
    line: `${kind}: exact ${exactMs.toFixed(0)} ms, greedy ${greedyMs.toFixed(0)} ms (exact / greedy ${(exactMs / Math.max(greedyMs, 1e-9)).toFixed(2)}×); greedy loses ${lossPct.toFixed(2)} % of the optimal total score.`,
  };
};
const uniform = summary("uniform");
const popular = summary("popular coaches");
const slowest = Math.max(...rows.map((r) => r.exactMs));
console.log(
  [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
    `${ROUNDS * 2} random instances of ${COACHEES} coachees × ${COACHES} coaches, capacity ${CAPACITY} each, all pairs allowed; times include reading the ${COACHEES * COACHES} scores.`,
    "",
    "| instance | scores | exact ms | greedy ms | exact total | greedy total | greedy loses | assigned (exact / greedy) |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r, i) =>
        `| ${i + 1} | ${r.kind} | ${r.exactMs.toFixed(0)} | ${r.greedyMs.toFixed(0)} | ${r.exact.toFixed(2)} | ${r.greedy.toFixed(2)} | ${(r.exact - r.greedy).toFixed(2)} (${((100 * (r.exact - r.greedy)) / r.exact).toFixed(2)} %) | ${r.exactAssigned} / ${r.greedyAssigned} |`,
    ),
    "",
    `Medians — ${uniform.line} ${popular.line}`,
    `Slowest exact solve ${slowest.toFixed(0)} ms. Peak memory: RSS ${mib(peakRss)} MiB, heap ${mib(peakHeap)} MiB. Target ≤ 1 s and ≤ 500 MB: ${slowest <= 1000 && peakRss <= 500 * 2 ** 20 ? "met" : "NOT met"}.`,
  ].join("\n"),
);
