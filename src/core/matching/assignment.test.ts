import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AssignmentInput, type AssignmentResult, assignCohort, assignGreedily } from "./assignment.ts";

interface Instance {
  readonly coachees: string[];
  readonly coaches: { id: string; capacity: number }[];
  /** scores[i][j], or null where the pair is not allowed. */
  readonly scores: (number | null)[][];
}

const inputOf = (instance: Instance): AssignmentInput => ({
  coachees: instance.coachees,
  coaches: instance.coaches,
  score: (coachee, coach) =>
    instance.scores[instance.coachees.indexOf(coachee)]?.[
      instance.coaches.findIndex((c) => c.id === coach)
    ] ?? undefined,
});

/** Every way to give each coachee a coach or none within capacities: the best (count, then total). */
function bruteForce(instance: Instance): { count: number; total: number } {
  let best = { count: -1, total: Number.NEGATIVE_INFINITY };
  const room = instance.coaches.map((c) => c.capacity);
  const visit = (i: number, count: number, total: number) => {
    if (i === instance.coachees.length) {
      if (count > best.count || (count === best.count && total > best.total + 1e-9)) best = { count, total };
      return;
    }
    visit(i + 1, count, total);
    instance.coaches.forEach((_, j) => {
      const score = instance.scores[i]?.[j];
      if (score === null || score === undefined || (room[j] ?? 0) === 0) return;
      room[j] = (room[j] ?? 0) - 1;
      visit(i + 1, count + 1, total + score);
      room[j] = (room[j] ?? 0) + 1;
    });
  };
  visit(0, 0, 0);
  return best;
}

/** What any answer must satisfy: allowed pairs only, capacities kept, everyone listed exactly once. */
function expectFeasible(instance: Instance, result: AssignmentResult) {
  const listed = [...result.assignments.map((a) => a.coachee), ...result.unassigned.map((u) => u.coachee)];
  expect(listed.sort()).toEqual([...instance.coachees].sort());
  for (const pair of result.assignments) {
    const i = instance.coachees.indexOf(pair.coachee);
    const j = instance.coaches.findIndex((c) => c.id === pair.coach);
    expect(instance.scores[i]?.[j]).toBe(pair.score);
  }
  for (const coach of instance.coaches) {
    expect(result.assignments.filter((a) => a.coach === coach.id).length).toBeLessThanOrEqual(coach.capacity);
  }
  const total = result.assignments.reduce((sum, a) => sum + a.score, 0);
  expect(result.totalScore).toBeCloseTo(total, 9);
}

const instances = fc
  .record({ n: fc.integer({ min: 0, max: 6 }), m: fc.integer({ min: 0, max: 3 }) })
  .chain(({ n, m }) =>
    fc.record({
      coachees: fc.constant(Array.from({ length: n }, (_, i) => `coachee-${i}`)),
      coaches: fc
        .tuple(...Array.from({ length: m }, () => fc.integer({ min: 0, max: 3 })))
        .map((caps) => caps.map((capacity, j) => ({ id: `coach-${j}`, capacity }))),
      scores: fc.array(
        fc.array(
          fc.option(
            fc.integer({ min: -500, max: 1000 }).map((x) => x / 100),
            { freq: 4 },
          ),
          {
            minLength: m,
            maxLength: m,
          },
        ),
        { minLength: n, maxLength: n },
      ),
    }),
  );

describe("cohort assignment", () => {
  it("is optimal: as many coachees as brute force finds, then the same best total score", () => {
    fc.assert(
      fc.property(instances, (instance) => {
        const result = assignCohort(inputOf(instance));
        expectFeasible(instance, result);
        const best = bruteForce(instance);
        expect(result.assignments.length).toBe(best.count);
        expect(result.totalScore).toBeCloseTo(best.total, 6);
      }),
      { numRuns: 400 },
    );
  });

  it("never does worse than the greedy baseline, and the same input always gives the same answer", () => {
    fc.assert(
      fc.property(instances, (instance) => {
        const exact = assignCohort(inputOf(instance));
        const greedy = assignGreedily(inputOf(instance));
        expectFeasible(instance, greedy);
        expect(exact.assignments.length).toBeGreaterThanOrEqual(greedy.assignments.length);
        if (exact.assignments.length === greedy.assignments.length)
          expect(exact.totalScore).toBeGreaterThanOrEqual(greedy.totalScore - 1e-9);
        // Input order does not matter: reversed lists give the identical result.
        const reversed = {
          ...instance,
          coachees: [...instance.coachees].reverse(),
          coaches: [...instance.coaches].reverse(),
        };
        const reversedInput: AssignmentInput = {
          ...inputOf(instance),
          coachees: reversed.coachees,
          coaches: reversed.coaches,
        };
        expect(assignCohort(reversedInput)).toEqual(exact);
      }),
      { numRuns: 200 },
    );
  });

  it("finds the known optimum of a fixture where greedy goes wrong", () => {
    // Kim has one place and is everyone's first choice; Cas can only work with Kim.
    const scores: Record<string, Record<string, number>> = {
      ana: { kim: 9, lee: 8 },
      ben: { kim: 7, lee: 2 },
      cas: { kim: 6 },
    };
    const input: AssignmentInput = {
      coachees: ["ana", "ben", "cas"],
      coaches: [
        { id: "kim", capacity: 1 },
        { id: "lee", capacity: 2 },
      ],
      score: (coachee, coach) => scores[coachee]?.[coach],
    };
    // Greedy: ana–kim 9, ben–lee 2, cas has no place: 2 assigned, 11.
    const greedy = assignGreedily(input);
    expect(greedy.assignments.length).toBe(2);
    expect(greedy.totalScore).toBe(11);
    // Exact: cas can only go to kim, so kim is cas's; ana–lee 8, ben–lee 2: all 3 assigned, 16.
    const exact = assignCohort(input);
    expect(exact.assignments).toEqual([
      { coachee: "ana", coach: "lee", score: 8 },
      { coachee: "ben", coach: "lee", score: 2 },
      { coachee: "cas", coach: "kim", score: 6 },
    ]);
    expect(exact.totalScore).toBe(16);
    expect(exact.unassigned).toEqual([]);
  });

  it("explains each coachee left out", () => {
    const input: AssignmentInput = {
      coachees: ["ana", "ben", "cas"],
      coaches: [{ id: "kim", capacity: 1 }],
      score: (coachee) => (coachee === "cas" ? undefined : coachee === "ana" ? 5 : 3),
    };
    const result = assignCohort(input);
    expect(result.assignments).toEqual([{ coachee: "ana", coach: "kim", score: 5 }]);
    expect(result.unassigned).toEqual([
      {
        coachee: "ben",
        reason: "every allowed coach (kim) is full with coachees who have no other allowed place",
      },
      {
        coachee: "cas",
        reason: "no coach is allowed for this coachee (hard constraints rule out every pair)",
      },
    ]);
  });

  it("rejects capacities that are negative or not whole, and scores that are not numbers", () => {
    const base = { coachees: ["ana"], score: () => 1 };
    expect(() => assignCohort({ ...base, coaches: [{ id: "kim", capacity: -1 }] })).toThrow(
      /kim.*whole number/,
    );
    expect(() => assignCohort({ ...base, coaches: [{ id: "kim", capacity: 1.5 }] })).toThrow(/whole number/);
    expect(() =>
      assignCohort({ coachees: ["ana"], coaches: [{ id: "kim", capacity: 1 }], score: () => Number.NaN }),
    ).toThrow(/not a number/);
  });
});
