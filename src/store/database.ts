// Opens the database named by DATABASE_URL (embedded SQLite by default, PostgreSQL when asked) and migrates it.

import { mkdirSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import {
  Kysely,
  type Migration,
  Migrator,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
  sql,
} from "kysely";
import pg from "pg";
import type { Dialect } from "./dialect.ts";
import * as initial from "./migrations/0001-initial.ts";
import * as jobs from "./migrations/0002-jobs.ts";
import * as ratings from "./migrations/0003-ratings.ts";
import * as alerts from "./migrations/0004-alerts.ts";
import * as programmeSettings from "./migrations/0005-programme-settings.ts";
import * as checkIns from "./migrations/0006-check-ins.ts";
import * as transcripts from "./migrations/0007-transcripts.ts";
import * as matching from "./migrations/0008-matching.ts";
import type { Schema } from "./schema.ts";
import { startWalCheckpointer, type WalCheckpointer } from "./wal-checkpointer.ts";

export type { Dialect };

export type DatabaseConfig =
  | { readonly dialect: "sqlite"; readonly file: string }
  | { readonly dialect: "postgres"; readonly url: string };

export interface Database {
  readonly db: Kysely<Schema>;
  readonly dialect: Dialect;
  /** Answers whether the database responds to a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The default embedded database file, relative to the working directory. */
export const DEFAULT_SQLITE_FILE = "data/alliance.db";

/**
 * Reads DATABASE_URL: unset or empty → `./data/alliance.db`; `sqlite:PATH` → that file (`:memory:` too);
 * `postgres://…` or `postgresql://…` → PostgreSQL. Anything else is a configuration error.
 */
export function parseDatabaseUrl(url: string | undefined, cwd: string): DatabaseConfig {
  const value = url?.trim() ?? "";
  if (value === "") return { dialect: "sqlite", file: path.resolve(cwd, DEFAULT_SQLITE_FILE) };
  if (value.startsWith("sqlite:")) {
    const file = value.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (file === "")
      throw new Error("DATABASE_URL=sqlite: needs a file path, e.g. sqlite:./data/alliance.db");
    return { dialect: "sqlite", file: file === ":memory:" ? file : path.resolve(cwd, file) };
  }
  if (/^postgres(ql)?:\/\//.test(value)) return { dialect: "postgres", url: value };
  throw new Error(
    `DATABASE_URL must start with sqlite: or postgres:// (got "${value.split(":")[0]}:…"); leave it unset for ./data/alliance.db`,
  );
}

/** Opens a connection pool (PostgreSQL) or file (SQLite, in WAL mode with foreign keys on). */
export function openDatabase(config: DatabaseConfig): Database {
  if (config.dialect === "sqlite") {
    if (config.file !== ":memory:") mkdirSync(path.dirname(config.file), { recursive: true });
    const sqlite = new BetterSqlite3(config.file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("mmap_size = 268435456");
    sqlite.pragma("cache_size = -32000");
    const checkpointer = config.file === ":memory:" ? undefined : startWalCheckpointer(sqlite, config.file);
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
    return wrap(db, "sqlite", checkpointer);
  }
  const pool = new pg.Pool({ connectionString: config.url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its server must not crash the process; the next query reports the failure.
  pool.on("error", () => {});
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return wrap(db, "postgres");
}

/** How many prepared statements the SQLite connection keeps for reuse. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The SQLite connection as Kysely sees it, reusing prepared statements by their SQL text: Kysely
 * prepares every query afresh, and preparing was a fifth of a rating submission's CPU time. Statements
 * run one at a time on this single connection, so sharing them is safe. The cache is a small LRU.
 */
function cachingStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

function wrap(db: Kysely<Schema>, dialect: Dialect, checkpointer?: WalCheckpointer): Database {
  return {
    db,
    dialect,
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/** Migrations in the order they run; names never change once released. */
function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    "0001-initial": { up: (db) => initial.up(db, dialect) },
    "0002-jobs": { up: (db) => jobs.up(db) },
    "0003-ratings": { up: (db) => ratings.up(db) },
    "0004-alerts": { up: (db) => alerts.up(db) },
    "0005-programme-settings": { up: (db) => programmeSettings.up(db) },
    "0006-check-ins": { up: (db) => checkIns.up(db) },
    "0007-transcripts": { up: (db) => transcripts.up(db) },
    "0008-matching": { up: (db) => matching.up(db) },
  };
}

export interface MigrationReport {
  readonly applied: readonly string[];
}

/** Brings the schema up to date. Safe to run on every start and from several servers at once. */
export async function migrateToLatest(database: Database): Promise<MigrationReport> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations(database.dialect) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error");
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      failed
        ? `Migration ${failed.migrationName} failed: ${reason}`
        : `Cannot prepare the ${database.dialect} database (check DATABASE_URL): ${reason}`,
    );
  }
  return { applied: (results ?? []).map((result) => result.migrationName) };
}

/**
 * Whether `error` is the database refusing a duplicate (a unique or primary-key constraint), as
 * better-sqlite3 and pg report it. Two requests racing to create the same thing end this way.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/**
 * Whether `error` is PostgreSQL refusing text it cannot store (a NUL character, or bytes that are not
 * valid in the database encoding). SQLite stores such text; PostgreSQL answers these codes.
 */
export function isUnstorableText(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === "22021" || code === "22P05";
}
