// The MITI 4.2.1 proficiency levels the session report compares against (DESIGN.md §3): Moyers, Manuel
// & Ernst, Motivational Interviewing Treatment Integrity Coding Manual 4.2.1 (2014).

/** Reflections per question: fair at 1, good at 2. */
export const REFLECTION_TO_QUESTION = { fair: 1, good: 2 } as const;
/** Complex reflections as a percentage of all reflections: fair at 40 %, good at 50 %. */
export const PERCENT_COMPLEX_REFLECTIONS = { fair: 40, good: 50 } as const;

export type MitiLevel = "below fair" | "fair" | "good";

export function mitiLevel(value: number | null, levels: { fair: number; good: number }): MitiLevel | null {
  if (value === null) return null;
  return value >= levels.good ? "good" : value >= levels.fair ? "fair" : "below fair";
}
