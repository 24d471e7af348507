// Scores a coachee–coach pair from their profiles: hard constraints first (a pair that breaks one is not
// allowed), then weighted components, each explained in plain words. Age is never used: profiles have
// no field for it, and importers drop age and birth-date columns.
//
// The research behind it (docs/matching.md): coachees report better outcomes with coaches similar in
// background, gender similarity is disputed (so it counts only when the coachee asks for it), age does
// not matter, and the large studies find the working alliance, not personality match, drives outcomes —
// so the score builds a good shortlist, and the alliance measured early decides whether a match works.

export interface StylePlacement {
  /** 0 = facilitative (asks, lets the coachee lead) … 1 = advisory (suggests, shares expertise). */
  readonly advisory?: number;
  /** 0 = results (goals, performance) … 1 = wellbeing (balance, resilience). */
  readonly wellbeing?: number;
}

export interface CoacheeProfile {
  readonly id: string;
  readonly name?: string;
  readonly themes: readonly string[];
  readonly industry?: string;
  readonly function?: string;
  readonly seniority?: string;
  readonly languages: readonly string[];
  /** Hours from UTC, e.g. 1 or −5 or 5.5. */
  readonly utcOffsetHours?: number;
  /** Facets the programme chose (career path, first-generation professional, …) → the coachee's values. */
  readonly background: Readonly<Record<string, readonly string[]>>;
  readonly gender?: string;
  /** Opt-in: only when set does the coach's gender count. */
  readonly genderPreference?: string;
  readonly style: StylePlacement;
  /** A reporting line (department, manager chain); a coach on the same line is a conflict. */
  readonly reportingLine?: string;
  /** Coaches this coachee worked with before: not matched again. */
  readonly previousCoaches: readonly string[];
}

export interface CoachProfile {
  readonly id: string;
  readonly name?: string;
  readonly themes: readonly string[];
  readonly industries: readonly string[];
  readonly functions: readonly string[];
  readonly seniorities: readonly string[];
  readonly languages: readonly string[];
  readonly utcOffsetHours?: number;
  readonly background: Readonly<Record<string, readonly string[]>>;
  readonly gender?: string;
  readonly capacity: number;
  readonly style: StylePlacement;
  readonly reportingLine?: string;
  /** False when the coach has opted out of new coachees. */
  readonly available: boolean;
}

export type MatchComponent =
  | "themes"
  | "industry"
  | "function"
  | "seniority"
  | "background"
  | "style"
  | "timeZone"
  | "gender";

/** Relative weights (any non-negative numbers; the score divides by the sum of those that apply). */
export type MatchWeights = Readonly<Record<MatchComponent, number>>;

export interface MatchSettings {
  readonly weights: MatchWeights;
  /** The largest time-zone gap allowed, in hours. */
  readonly maxTimeZoneGapHours: number;
}

/**
 * Defaults: goals/themes weigh most (what the coaching is for), then background similarity and style
 * fit (what coachees report as helping), then industry, function and seniority; time zone a little
 * (it is also a hard limit); gender only when the coachee opts in.
 */
export const DEFAULT_MATCH_SETTINGS: MatchSettings = {
  weights: {
    themes: 30,
    background: 15,
    style: 15,
    industry: 10,
    function: 10,
    seniority: 10,
    timeZone: 5,
    gender: 10,
  },
  maxTimeZoneGapHours: 4,
};

export const MATCH_COMPONENTS: readonly MatchComponent[] = [
  "themes",
  "background",
  "style",
  "industry",
  "function",
  "seniority",
  "timeZone",
  "gender",
];

/** What a programme may set: each weight 0–100, the time-zone limit 0–12 hours. */
export const MATCH_WEIGHT_MAX = 100;
export const MAX_TIME_ZONE_GAP_LIMIT = 12;

/** A programme's changes to the defaults, as stored. */
export interface MatchSettingsOverrides {
  readonly weights?: Partial<Record<MatchComponent, number>>;
  readonly maxTimeZoneGapHours?: number;
}

const inRange = (value: unknown, max: number): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= max;

/**
 * The settings a programme's stored overrides give: each valid override replaces its default; anything
 * else (unknown keys, out-of-range values, not an object) is ignored, so a damaged record cannot break
 * matching.
 */
export function resolveMatchSettings(overrides: unknown): MatchSettings {
  const given = (typeof overrides === "object" && overrides !== null ? overrides : {}) as Record<
    string,
    unknown
  >;
  const weightsGiven = (
    typeof given.weights === "object" && given.weights !== null ? given.weights : {}
  ) as Record<string, unknown>;
  const weights = { ...DEFAULT_MATCH_SETTINGS.weights };
  for (const component of MATCH_COMPONENTS) {
    const value = weightsGiven[component];
    if (inRange(value, MATCH_WEIGHT_MAX)) weights[component] = value;
  }
  const gap = given.maxTimeZoneGapHours;
  return {
    weights,
    maxTimeZoneGapHours: inRange(gap, MAX_TIME_ZONE_GAP_LIMIT)
      ? gap
      : DEFAULT_MATCH_SETTINGS.maxTimeZoneGapHours,
  };
}

export interface ComponentScore {
  readonly component: MatchComponent;
  readonly weight: number;
  /** 0–1: how well the pair meets this component. */
  readonly value: number;
  readonly reason: string;
}

export type PairScore =
  | { readonly allowed: false; readonly reasons: readonly string[] }
  | {
      readonly allowed: true;
      /** 0–100: the weighted mean of the components that apply. */
      readonly score: number;
      readonly components: readonly ComponentScore[];
    };

const lower = (values: readonly string[]) => new Set(values.map((v) => v.trim().toLowerCase()));
const shared = (a: readonly string[], b: readonly string[]) => {
  const other = lower(b);
  return a.filter((value) => other.has(value.trim().toLowerCase()));
};
const list = (values: readonly string[]) => values.join(", ");

/** Why this pair is not allowed (empty when it is). */
export function hardConstraintsBroken(
  coachee: CoacheeProfile,
  coach: CoachProfile,
  settings: MatchSettings,
): string[] {
  const reasons: string[] = [];
  if (!coach.available) reasons.push(`${coach.id} is not taking new coachees`);
  if (shared(coachee.languages, coach.languages).length === 0) {
    reasons.push(
      `no shared language (coachee: ${list(coachee.languages) || "none given"}; coach: ${list(coach.languages) || "none given"})`,
    );
  }
  const gap = timeZoneGap(coachee, coach);
  if (gap !== null && gap > settings.maxTimeZoneGapHours) {
    reasons.push(`time zones ${gap} h apart (limit ${settings.maxTimeZoneGapHours} h)`);
  }
  if (
    coachee.reportingLine !== undefined &&
    coachee.reportingLine.trim() !== "" &&
    coachee.reportingLine.trim().toLowerCase() === coach.reportingLine?.trim().toLowerCase()
  ) {
    reasons.push(`same reporting line (${coachee.reportingLine})`);
  }
  if (coachee.previousCoaches.includes(coach.id)) reasons.push(`worked together before`);
  return reasons;
}

function timeZoneGap(coachee: CoacheeProfile, coach: CoachProfile): number | null {
  if (coachee.utcOffsetHours === undefined || coach.utcOffsetHours === undefined) return null;
  const raw = Math.abs(coachee.utcOffsetHours - coach.utcOffsetHours);
  return Math.min(raw, 24 - raw);
}

/** Scores one pair: not allowed with the reasons, or a 0–100 score with each component explained. */
export function scorePair(
  coachee: CoacheeProfile,
  coach: CoachProfile,
  settings: MatchSettings = DEFAULT_MATCH_SETTINGS,
): PairScore {
  const broken = hardConstraintsBroken(coachee, coach, settings);
  if (broken.length > 0) return { allowed: false, reasons: broken };
  const components: ComponentScore[] = [];
  const add = (component: MatchComponent, value: number, reason: string) => {
    const weight = settings.weights[component];
    if (weight > 0) components.push({ component, weight, value, reason });
  };

  if (coachee.themes.length > 0) {
    const common = shared(coachee.themes, coach.themes);
    add(
      "themes",
      common.length / lower(coachee.themes).size,
      common.length > 0
        ? `works on ${common.length} of your ${coachee.themes.length} themes: ${list(common)}`
        : `works on none of your themes (${list(coachee.themes)})`,
    );
  }
  for (const [component, mine, theirs, label] of [
    ["industry", coachee.industry, coach.industries, "industry"],
    ["function", coachee.function, coach.functions, "function"],
    ["seniority", coachee.seniority, coach.seniorities, "seniority"],
  ] as const) {
    if (mine === undefined || mine.trim() === "") continue;
    const match = shared([mine], theirs).length > 0;
    add(
      component,
      match ? 1 : 0,
      match ? `shares your ${label}: ${mine}` : `does not share your ${label} (${mine})`,
    );
  }
  const facets = Object.entries(coachee.background).filter(([, values]) => values.length > 0);
  if (facets.length > 0) {
    const matched = facets.filter(
      ([facet, values]) => shared(values, coach.background[facet] ?? []).length > 0,
    );
    add(
      "background",
      matched.length / facets.length,
      matched.length > 0
        ? `shares your background in ${matched.length} of ${facets.length}: ${matched.map(([facet, values]) => `${facet.replaceAll("_", " ")} (${list(shared(values, coach.background[facet] ?? []))})`).join("; ")}`
        : `shares none of your background facets (${facets.map(([facet]) => facet.replaceAll("_", " ")).join(", ")})`,
    );
  }
  const axes = (["advisory", "wellbeing"] as const).filter(
    (axis) => coachee.style[axis] !== undefined && coach.style[axis] !== undefined,
  );
  if (axes.length > 0) {
    const distance =
      axes.reduce((sum, axis) => sum + Math.abs((coachee.style[axis] ?? 0) - (coach.style[axis] ?? 0)), 0) /
      axes.length;
    const value = 1 - Math.min(1, distance);
    add(
      "style",
      value,
      value >= 0.75
        ? "coaches in the style you prefer"
        : value >= 0.5
          ? "coaches in a style close to the one you prefer"
          : "coaches in a style unlike the one you prefer",
    );
  }
  const gap = timeZoneGap(coachee, coach);
  if (gap !== null) {
    add(
      "timeZone",
      settings.maxTimeZoneGapHours > 0 ? 1 - gap / settings.maxTimeZoneGapHours : 1,
      gap === 0 ? "same time zone" : `time zones ${gap} h apart`,
    );
  }
  // Gender counts only where the coachee opted in by stating a preference.
  if (coachee.genderPreference !== undefined && coachee.genderPreference.trim() !== "") {
    const match = coach.gender?.trim().toLowerCase() === coachee.genderPreference.trim().toLowerCase();
    add(
      "gender",
      match ? 1 : 0,
      match
        ? `is the gender you asked for (${coachee.genderPreference})`
        : `is not the gender you asked for (${coachee.genderPreference})`,
    );
  }

  const weights = components.reduce((sum, c) => sum + c.weight, 0);
  const score =
    weights > 0 ? (100 * components.reduce((sum, c) => sum + c.weight * c.value, 0)) / weights : 0;
  return { allowed: true, score: Math.round(score * 100) / 100, components };
}

export interface ShortlistEntry {
  readonly coach: CoachProfile;
  readonly score: number;
  readonly components: readonly ComponentScore[];
}

/**
 * The best `size` coaches for one coachee among those with room (`load` counts current coachees),
 * highest score first, ties by coach id.
 */
export function shortlist(
  coachee: CoacheeProfile,
  coaches: readonly CoachProfile[],
  settings: MatchSettings = DEFAULT_MATCH_SETTINGS,
  load: ReadonlyMap<string, number> = new Map(),
  size = 3,
): ShortlistEntry[] {
  const entries: ShortlistEntry[] = [];
  for (const coach of coaches) {
    if ((load.get(coach.id) ?? 0) >= coach.capacity) continue;
    const scored = scorePair(coachee, coach, settings);
    if (scored.allowed) entries.push({ coach, score: scored.score, components: scored.components });
  }
  return entries
    .sort((a, b) => b.score - a.score || (a.coach.id < b.coach.id ? -1 : a.coach.id > b.coach.id ? 1 : 0))
    .slice(0, size);
}
