// `alliance score` and `alliance instruments`: score a CSV of responses offline; list and export instruments.

import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { parse } from "csv-parse/sync";
import { toFhirQuestionnaire } from "../core/instruments/fhir-questionnaire.ts";
import type { Instrument } from "../core/instruments/instrument.ts";
import { findInstrument, listInstruments } from "../core/instruments/registry.ts";
import { validateResponse } from "../core/instruments/response-validation.ts";
import { type ScaleScore, type ScoreReport, scoreResponse } from "../core/instruments/scoring.ts";
import { answersFromText } from "../core/instruments/text-answers.ts";
import { roundTo } from "../core/shared/numbers.ts";

/** Bad input: the CLI exits 2 with this one-line message. */
export class InputError extends Error {}

/** Columns that identify a response rather than answer an item. */
const ID_COLUMNS = new Set(["id", "response_id"]);

export interface ScoredRow {
  /** The line of the CSV file the response is on (the header is line 1). */
  readonly line: number;
  readonly id: string | null;
  readonly total: ScaleScore | null;
  readonly subscales: Readonly<Record<string, ScaleScore>>;
}

/** `alliance-check` or `alliance-check@1.0.0`. */
export function instrumentNamed(spec: string): Instrument {
  const [id = "", version] = spec.split("@");
  const instrument = findInstrument(id, version);
  if (!instrument) {
    const known = listInstruments()
      .map((i) => i.id)
      .join(", ");
    throw new InputError(`unknown instrument "${spec}" (known: ${known})`);
  }
  return instrument;
}

/**
 * Scores every row of a CSV (header: item ids, optionally an `id` column) against `instrument`. Missing
 * answers follow the instrument's missing-data rule. Any bad row stops the run with its line number.
 */
export function scoreCsv(instrument: Instrument, csv: string): ScoredRow[] {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new InputError(`CSV line ${line ?? "?"}: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new InputError("the CSV file is empty; line 1 must name the item ids");
  const columns = header.map((name) => name.trim());
  const itemIds = new Set(instrument.items.map((item) => item.id));
  const unknown = columns.filter((name) => !ID_COLUMNS.has(name) && !itemIds.has(name));
  if (unknown.length > 0) {
    throw new InputError(
      `CSV line 1: ${unknown.map((name) => `"${name}"`).join(", ")} is not an item of ${instrument.id}`,
    );
  }
  return rows.map((row, index) => {
    const line = index + 2;
    const cells: Record<string, string> = {};
    let id: string | null = null;
    columns.forEach((name, column) => {
      const value = row[column] ?? "";
      if (ID_COLUMNS.has(name)) id = value;
      else cells[name] = value;
    });
    const { answers, issues } = answersFromText(instrument, cells);
    if (issues[0]) throw new InputError(`CSV line ${line}: ${issues[0].message}`);
    const checked = validateResponse(
      instrument,
      { instrumentId: instrument.id, instrumentVersion: instrument.version, answers },
      { enforceRequired: false },
    );
    if (!checked.ok)
      throw new InputError(`CSV line ${line}: ${checked.error.map((i) => i.message).join(" ")}`);
    const report: ScoreReport = scoreResponse(instrument, checked.value);
    return {
      line,
      id,
      total: report.total,
      subscales: Object.fromEntries(report.subscales.map((s) => [s.id, s.score])),
    };
  });
}

function show(score: ScaleScore | null | undefined): string {
  if (!score) return "-";
  switch (score.status) {
    case "scored":
      return `${roundTo(score.value, 2)}${score.prorated ? "*" : ""}`;
    case "too_many_missing":
      return "missing";
    case "not_shown":
      return "hidden";
  }
}

function title(instrument: Instrument): string {
  return instrument.title.en ?? Object.values(instrument.title)[0] ?? instrument.id;
}

export function registerInstrumentCommands(cli: Command): void {
  cli
    .command("score")
    .description(
      "Score a CSV of responses offline (header: item ids, optional id column; one row per response)",
    )
    .requiredOption(
      "--instrument <id[@version]>",
      "instrument to score with (see `alliance instruments list`)",
    )
    .requiredOption("--csv <file>", "CSV file of responses")
    .option("--json", "print the scores as JSON")
    .action((options: { instrument: string; csv: string; json?: boolean }) => {
      const instrument = instrumentNamed(options.instrument);
      let text: string;
      try {
        text = readFileSync(options.csv, "utf8");
      } catch (error) {
        throw new InputError(
          `cannot read ${options.csv}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
        );
      }
      const rows = scoreCsv(instrument, text);
      if (options.json) {
        console.log(
          JSON.stringify({ instrument: { id: instrument.id, version: instrument.version }, responses: rows }),
        );
        return;
      }
      const subscaleIds = instrument.subscales.map((s) => s.id);
      const header = ["line", "id", "total", ...subscaleIds];
      const lines = rows.map((row) => [
        String(row.line),
        row.id ?? "",
        show(row.total),
        ...subscaleIds.map((id) => show(row.subscales[id])),
      ]);
      const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
      for (const cells of [header, ...lines])
        console.log(cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  "));
      console.log(
        `\n${title(instrument)} ${instrument.version}: ${rows.length} responses (* prorated: at most 20 % missing).`,
      );
    });

  const instruments = cli.command("instruments").description("List the instruments, or export one");
  instruments
    .command("list")
    .description("List the built-in instruments")
    .option("--json", "print as JSON")
    .action((options: { json?: boolean }) => {
      const all = listInstruments();
      if (options.json) {
        console.log(
          JSON.stringify(
            all.map((i) => ({
              id: i.id,
              version: i.version,
              title: title(i),
              items: i.items.length,
              licence: i.licence,
            })),
          ),
        );
        return;
      }
      for (const i of all)
        console.log(`${`${i.id}@${i.version}`.padEnd(32)} ${title(i)} (${i.items.length} items)`);
    });
  instruments
    .command("export")
    .description("Print an instrument as a FHIR R4 Questionnaire (or as Alliance's own JSON)")
    .argument("<id[@version]>", "the instrument")
    .option("--format <format>", "fhir or json", "fhir")
    .action((spec: string, options: { format: string }) => {
      const instrument = instrumentNamed(spec);
      if (options.format === "fhir") console.log(JSON.stringify(toFhirQuestionnaire(instrument), null, 2));
      else if (options.format === "json") console.log(JSON.stringify(instrument, null, 2));
      else throw new InputError(`--format must be fhir or json (got "${options.format}")`);
    });
}
