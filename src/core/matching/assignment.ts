// Cohort assignment: every waiting coachee to at most one coach, within each coach's capacity and only
// over allowed pairs, assigning as many coachees as possible and, among those assignments, maximising
// the total score — exactly, not greedily.
//
// The solver is the Hungarian method run row by row (one coachee at a time, each time along a shortest
// augmenting path in reduced costs, so every step keeps the assignment optimal for the coachees placed
// so far), with two changes. A coach's capacity is one column holding up to `capacity` coachees rather
// than `capacity` copies of it, so the shortest-path search runs over coaches (hundreds) instead of slots
// (thousands). And an extra "unassigned" column with unlimited room costs more than any difference in
// scores could make up, so every coachee always has a place, and leaving one out is chosen only when no
// assignment of the others lets it in: the cost minimised is then "fewest unassigned, then most score".
//
// Scores are compared as integers (scaled by a power of ten, at most 10^6), so that optimality and ties
// are exact; ties are broken by coachee and coach ids, so the same input always gives the same answer.

export interface AssignmentInput {
  readonly coachees: readonly string[];
  readonly coaches: readonly { readonly id: string; readonly capacity: number }[];
  /** The score of a pair, or `undefined` when a hard constraint rules the pair out. */
  readonly score: (coachee: string, coach: string) => number | undefined;
}

export interface AssignedPair {
  readonly coachee: string;
  readonly coach: string;
  readonly score: number;
}

export interface UnassignedCoachee {
  readonly coachee: string;
  readonly reason: string;
}

export interface AssignmentResult {
  /** Sorted by coachee id. */
  readonly assignments: readonly AssignedPair[];
  /** Sorted by coachee id. */
  readonly unassigned: readonly UnassignedCoachee[];
  readonly totalScore: number;
}

/** The largest factor scores are multiplied by before being compared as integers. */
const MAX_SCALE = 1_000_000;
/** Costs and potentials stay below this, so every sum of them is an exact double. */
const EXACT_LIMIT = 2 ** 50;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A score table for `input`: coachees and coaches sorted by id, NaN where a pair is not allowed. */
function scoreTable(input: AssignmentInput) {
  const coachees = [...input.coachees].sort(byId);
  const coaches = [...input.coaches].sort((a, b) => byId(a.id, b.id));
  const n = coachees.length;
  const m = coaches.length;
  const scores = new Float64Array(n * m).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const value = input.score(coachees[i] as string, (coaches[j] as { id: string }).id);
      if (value !== undefined) {
        if (!Number.isFinite(value))
          throw new RangeError(`the score of ${coachees[i]} with ${coaches[j]?.id} is not a number`);
        scores[i * m + j] = value;
      }
    }
  }
  return { coachees, coaches, scores };
}

/** Assigns the cohort optimally; see the module comment. Capacities must be whole numbers ≥ 0. */
export function assignCohort(input: AssignmentInput): AssignmentResult {
  for (const coach of input.coaches) {
    if (!Number.isInteger(coach.capacity) || coach.capacity < 0)
      throw new RangeError(`the capacity of ${coach.id} must be a whole number ≥ 0 (got ${coach.capacity})`);
  }
  const { coachees, coaches, scores } = scoreTable(input);
  const n = coachees.length;
  const m = coaches.length;

  // Integer costs: cost = (best score − score) × scale ≥ 0; the unassigned column costs more than the
  // whole cohort's score range, so one more coachee placed always outweighs any total of scores.
  let best = Number.NEGATIVE_INFINITY;
  let worst = Number.POSITIVE_INFINITY;
  for (const value of scores) {
    if (Number.isNaN(value)) continue;
    if (value > best) best = value;
    if (value < worst) worst = value;
  }
  const range = best >= worst ? best - worst : 0;
  let scale = MAX_SCALE;
  while (scale > 1 && (n + 2) * (range * scale + 1) * 4 > EXACT_LIMIT) scale /= 10;
  const unassignedCost = (n + 1) * (Math.round(range * scale) + 1);
  const columns = m + 1; // the last column is "unassigned"
  // cost[row * columns + column]; not allowed = +∞.
  const cost = new Float64Array(n * columns);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const value = scores[i * m + j] as number;
      cost[i * columns + j] = Number.isNaN(value)
        ? Number.POSITIVE_INFINITY
        : Math.round((best - value) * scale);
    }
    cost[i * columns + m] = unassignedCost;
  }
  const capacity = Int32Array.from({ length: columns }, (_, j) => (j < m ? (coaches[j]?.capacity ?? 0) : n));

  const u = new Float64Array(n); // row potentials
  const v = new Float64Array(columns); // column potentials
  const columnOf = new Int32Array(n).fill(-1);
  const members: number[][] = Array.from({ length: columns }, () => []);
  const dist = new Float64Array(columns);
  const reachedBy = new Int32Array(columns);
  const done = new Uint8Array(columns);
  // For each coach c and column c2: the least (cost − u) of c's coachees towards c2, and whose it is, so a
  // full coach passes the search on in one sweep rather than one per coachee. All of a coach's coachees
  // get the same potential shifts, kept in `shiftOf[c]` rather than applied to the table.
  const through = new Float64Array(m * columns).fill(Number.POSITIVE_INFINITY);
  const throughRow = new Int32Array(m * columns);
  const shiftOf = new Float64Array(m);
  const join = (c: number, r: number) => {
    const base = c * columns;
    const rowStart = r * columns;
    const offset = (shiftOf[c] as number) - (u[r] as number);
    for (let c2 = 0; c2 < columns; c2++) {
      const value = (cost[rowStart + c2] as number) + offset;
      if (value < (through[base + c2] as number)) {
        through[base + c2] = value;
        throughRow[base + c2] = r;
      }
    }
  };
  const rebuild = (c: number) => {
    through.fill(Number.POSITIVE_INFINITY, c * columns, (c + 1) * columns);
    shiftOf[c] = 0;
    for (const r of members[c] as number[]) join(c, r);
  };

  for (let row = 0; row < n; row++) {
    // Make the new row dual-feasible: its smallest reduced cost is 0.
    let least = Number.POSITIVE_INFINITY;
    const rowStart = row * columns;
    for (let c = 0; c < columns; c++)
      least = Math.min(least, (cost[rowStart + c] as number) - (v[c] as number));
    u[row] = least;
    for (let c = 0; c < columns; c++) {
      dist[c] = (cost[rowStart + c] as number) - least - (v[c] as number);
      reachedBy[c] = row;
      done[c] = 0;
    }
    // Dijkstra over columns: a full column passes the search on through the rows it holds.
    let end = -1;
    for (;;) {
      let pick = -1;
      for (let c = 0; c < columns; c++) {
        if (!done[c] && (pick < 0 || (dist[c] as number) < (dist[pick] as number))) pick = c;
      }
      if (pick < 0 || dist[pick] === Number.POSITIVE_INFINITY) break;
      done[pick] = 1;
      if ((members[pick]?.length ?? 0) < (capacity[pick] as number)) {
        end = pick;
        break;
      }
      // Only coaches fill up (the unassigned column never does), so `pick` < m here.
      const base = pick * columns;
      const offset = (dist[pick] as number) - (shiftOf[pick] as number);
      for (let c = 0; c < columns; c++) {
        if (done[c]) continue;
        const length = (through[base + c] as number) + offset - (v[c] as number);
        if (length < (dist[c] as number)) {
          dist[c] = length;
          reachedBy[c] = throughRow[base + c] as number;
        }
      }
    }
    if (end < 0) throw new Error("no place found for a coachee (the unassigned column is always open)");
    // Update the potentials so every edge stays non-negative and the path found becomes tight.
    const delta = dist[end] as number;
    u[row] = (u[row] as number) + delta;
    for (let c = 0; c < columns; c++) {
      if (!done[c] || c === end) continue;
      const shift = delta - (dist[c] as number);
      v[c] = (v[c] as number) - shift;
      for (const held of members[c] as number[]) u[held] = (u[held] as number) + shift;
      if (c < m) shiftOf[c] = (shiftOf[c] as number) + shift;
    }
    // Move each row on the path one column along, from the end back to the new row.
    let column = end;
    for (;;) {
      const mover = reachedBy[column] as number;
      const from = columnOf[mover] as number;
      if (from >= 0) {
        const list = members[from] as number[];
        list.splice(list.indexOf(mover), 1);
        if (from < m) rebuild(from);
      }
      (members[column] as number[]).push(mover);
      columnOf[mover] = column;
      if (column < m) join(column, mover);
      if (mover === row) break;
      column = from;
    }
  }

  const assignments: AssignedPair[] = [];
  const unassigned: UnassignedCoachee[] = [];
  let totalScore = 0;
  for (let i = 0; i < n; i++) {
    const coachee = coachees[i] as string;
    const j = columnOf[i] as number;
    if (j >= 0 && j < m) {
      const score = scores[i * m + j] as number;
      assignments.push({ coachee, coach: (coaches[j] as { id: string }).id, score });
      totalScore += score;
    } else {
      unassigned.push({ coachee, reason: whyUnassigned(scores, i, m, coaches) });
    }
  }
  return { assignments, unassigned, totalScore };
}

function whyUnassigned(
  scores: Float64Array,
  row: number,
  m: number,
  coaches: readonly { readonly id: string; readonly capacity: number }[],
): string {
  const allowed: string[] = [];
  for (let j = 0; j < m; j++) if (!Number.isNaN(scores[row * m + j])) allowed.push(coaches[j]?.id ?? "");
  if (allowed.length === 0)
    return "no coach is allowed for this coachee (hard constraints rule out every pair)";
  const names =
    allowed.length <= 3
      ? allowed.join(", ")
      : `${allowed.slice(0, 3).join(", ")} and ${allowed.length - 3} more`;
  return `every allowed coach (${names}) is full with coachees who have no other allowed place`;
}

/**
 * The greedy baseline: pairs by descending score (ties by coachee, then coach id), each taken when the
 * coachee is still waiting and the coach has room. Fast, but neither the most coachees nor the most
 * score in general; the benchmark measures what it loses.
 */
export function assignGreedily(input: AssignmentInput): AssignmentResult {
  const { coachees, coaches, scores } = scoreTable(input);
  const n = coachees.length;
  const m = coaches.length;
  const order: number[] = [];
  for (let k = 0; k < scores.length; k++) if (!Number.isNaN(scores[k])) order.push(k);
  order.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  const room = Int32Array.from(coaches, (coach) => coach.capacity);
  const columnOf = new Int32Array(n).fill(-1);
  for (const k of order) {
    const i = Math.floor(k / m);
    const j = k % m;
    if (columnOf[i] !== -1 || (room[j] as number) <= 0) continue;
    columnOf[i] = j;
    room[j] = (room[j] as number) - 1;
  }
  const assignments: AssignedPair[] = [];
  const unassigned: UnassignedCoachee[] = [];
  let totalScore = 0;
  for (let i = 0; i < n; i++) {
    const j = columnOf[i] as number;
    const coachee = coachees[i] as string;
    if (j < 0) {
      unassigned.push({ coachee, reason: "no allowed coach had room when its turn came" });
      continue;
    }
    const score = scores[i * m + j] as number;
    assignments.push({ coachee, coach: (coaches[j] as { id: string }).id, score });
    totalScore += score;
  }
  return { assignments, unassigned, totalScore };
}
