// CSV text → rows keyed by lower-cased header, each with its line number (quoted fields, BOM and CRLF
// allowed), for profile imports in the app and the `alliance match` commands.

import { parse } from "csv-parse/sync";
import { ProfileError, type ProfileRow } from "../../core/matching/profile-import.ts";

/** Throws a ProfileError naming the line when the text is not valid CSV. */
export function csvRows(text: string): ProfileRow[] {
  try {
    const records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    throw new ProfileError((error as { lines?: number }).lines ?? 1, (error as Error).message);
  }
}
