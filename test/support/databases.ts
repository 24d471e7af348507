// Real databases for tests: a fresh SQLite file, or a fresh database on the run's PostgreSQL server.

import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { type Database, type Dialect, migrateToLatest, openDatabase } from "../../src/store/database.ts";

export const DIALECTS: readonly Dialect[] = ["sqlite", "postgres"];

export interface TestDatabase extends Database {
  /** Another connection (pool) to the same database, as a second app server would have. */
  reopen(): Database;
}

/** A new, empty, migrated database of the given dialect, private to the caller. */
export async function openTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "alliance-sqlite-"));
    const config = { dialect: "sqlite", file: path.join(dir, "test.db") } as const;
    const database = openDatabase(config);
    await migrateToLatest(database);
    return { ...database, reopen: () => openDatabase(config) };
  }
  const serverUrl = inject("postgresUrl");
  const name = `t_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const config = { dialect: "postgres", url: `${serverUrl}/${name}` } as const;
  const database = openDatabase(config);
  await migrateToLatest(database);
  return { ...database, reopen: () => openDatabase(config) };
}
