// Coach and coachee profiles from table rows (CSV, spreadsheets): one row per person, lists separated by
// ";", background facets as `background.FACET` columns. Columns about age (age, birth date, year of
// birth) are dropped on import and never reach matching; unknown columns are an error, so a typo is not
// silently ignored.

import type { CoacheeProfile, CoachProfile, StylePlacement } from "./match-score.ts";

/** One row of a table with the line it came from (the header is line 1). */
export interface ProfileRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

export class ProfileError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.line = line;
  }
}

/** Columns matching ignores by design: age must never influence a match. */
export const AGE_COLUMNS: ReadonlySet<string> = new Set([
  "age",
  "birth_date",
  "birthdate",
  "date_of_birth",
  "dob",
  "year_of_birth",
  "birth_year",
]);

const COMMON_COLUMNS = [
  "id",
  "name",
  "themes",
  "languages",
  "utc_offset",
  "gender",
  "style_advisory",
  "style_wellbeing",
  "reporting_line",
];
export const COACHEE_COLUMNS: readonly string[] = [
  ...COMMON_COLUMNS,
  "industry",
  "function",
  "seniority",
  "gender_preference",
  "previous_coaches",
];
export const COACH_COLUMNS: readonly string[] = [
  ...COMMON_COLUMNS,
  "industries",
  "functions",
  "seniorities",
  "capacity",
  "available",
];

const BACKGROUND_PREFIX = "background.";

function checkColumns(rows: readonly ProfileRow[], known: readonly string[]): void {
  const first = rows[0];
  if (!first) return;
  const allowed = new Set(known);
  const unknown = Object.keys(first.cells).filter(
    (column) => !allowed.has(column) && !AGE_COLUMNS.has(column) && !column.startsWith(BACKGROUND_PREFIX),
  );
  if (unknown.length > 0) {
    throw new ProfileError(
      1,
      `unknown column ${unknown.map((c) => `"${c}"`).join(", ")} (known: ${known.join(", ")}, background.FACET)`,
    );
  }
  if (!Object.hasOwn(first.cells, "id")) throw new ProfileError(1, `an "id" column is required`);
}

const items = (text: string | undefined) =>
  (text ?? "")
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item !== "");

const optional = (text: string | undefined) => {
  const value = text?.trim() ?? "";
  return value === "" ? undefined : value;
};

function number(row: ProfileRow, column: string, min: number, max: number): number | undefined {
  const text = optional(row.cells[column]);
  if (text === undefined) return undefined;
  const value = Number(text.replace(/^utc/i, "").replace(/^\+/, ""));
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ProfileError(row.line, `${column} must be a number from ${min} to ${max} (got "${text}")`);
  }
  return value;
}

function background(row: ProfileRow): Record<string, string[]> {
  const facets: Record<string, string[]> = {};
  for (const [column, text] of Object.entries(row.cells)) {
    if (column.startsWith(BACKGROUND_PREFIX)) facets[column.slice(BACKGROUND_PREFIX.length)] = items(text);
  }
  return facets;
}

function style(row: ProfileRow): StylePlacement {
  return { advisory: number(row, "style_advisory", 0, 1), wellbeing: number(row, "style_wellbeing", 0, 1) };
}

function idOf(row: ProfileRow, seen: Set<string>, who: string): string {
  const id = optional(row.cells.id);
  if (id === undefined) throw new ProfileError(row.line, `the ${who} has no id`);
  if (seen.has(id)) throw new ProfileError(row.line, `${who} "${id}" appears twice`);
  seen.add(id);
  return id;
}

export function coacheesFromRows(rows: readonly ProfileRow[]): CoacheeProfile[] {
  checkColumns(rows, COACHEE_COLUMNS);
  const seen = new Set<string>();
  return rows.map((row) => ({
    id: idOf(row, seen, "coachee"),
    name: optional(row.cells.name),
    themes: items(row.cells.themes),
    industry: optional(row.cells.industry),
    function: optional(row.cells.function),
    seniority: optional(row.cells.seniority),
    languages: items(row.cells.languages),
    utcOffsetHours: number(row, "utc_offset", -12, 14),
    background: background(row),
    gender: optional(row.cells.gender),
    genderPreference: optional(row.cells.gender_preference),
    style: style(row),
    reportingLine: optional(row.cells.reporting_line),
    previousCoaches: items(row.cells.previous_coaches),
  }));
}

export function coachesFromRows(rows: readonly ProfileRow[]): CoachProfile[] {
  checkColumns(rows, COACH_COLUMNS);
  const seen = new Set<string>();
  return rows.map((row) => {
    const capacityText = optional(row.cells.capacity) ?? "";
    if (!/^\d+$/.test(capacityText)) {
      throw new ProfileError(row.line, `capacity must be a whole number ≥ 0 (got "${capacityText}")`);
    }
    const availableText = (optional(row.cells.available) ?? "yes").toLowerCase();
    if (!["yes", "no", "true", "false", "1", "0"].includes(availableText)) {
      throw new ProfileError(row.line, `available must be yes or no (got "${availableText}")`);
    }
    return {
      id: idOf(row, seen, "coach"),
      name: optional(row.cells.name),
      themes: items(row.cells.themes),
      industries: items(row.cells.industries),
      functions: items(row.cells.functions),
      seniorities: items(row.cells.seniorities),
      languages: items(row.cells.languages),
      utcOffsetHours: number(row, "utc_offset", -12, 14),
      background: background(row),
      gender: optional(row.cells.gender),
      capacity: Number(capacityText),
      style: style(row),
      reportingLine: optional(row.cells.reporting_line),
      available: ["yes", "true", "1"].includes(availableText),
    };
  });
}
