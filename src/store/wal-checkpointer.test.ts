import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./database.ts";
import { CHECKPOINT_INTERVAL_MS, startWalCheckpointer } from "./wal-checkpointer.ts";

const freshFile = () => path.join(mkdtempSync(path.join(tmpdir(), "alliance-wal-")), "test.db");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const autocheckpoint = (connection: BetterSqlite3.Database) =>
  connection.pragma("wal_autocheckpoint", { simple: true }) as number;

describe("WAL checkpoints off the event loop", () => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it("keeps the log small while the app writes, with the app's own checkpoints off", async () => {
    const file = freshFile();
    database = openDatabase({ dialect: "sqlite", file });
    const { db } = database;
    await sql`create table notes (body text not null)`.execute(db);
    const page = "x".repeat(4000);
    // About 3.6 MB of log per burst of 300 commits, with pauses longer than the worker's interval.
    const walSizes: number[] = [];
    for (let burst = 0; burst < 10; burst++) {
      for (let n = 0; n < 300; n++) await sql`insert into notes (body) values (${page})`.execute(db);
      await sleep(CHECKPOINT_INTERVAL_MS * 1.5);
      walSizes.push(statSync(`${file}-wal`).size);
    }
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    expect(rows[0]?.wal_autocheckpoint).toBe(0);
    // Without checkpoints the log would grow by every burst (36 MB in all). Once the worker runs (it
    // starts while the first burst is written), each burst reuses the log from its start.
    expect(walSizes.at(-1)).toBe(walSizes[3]);
    expect(walSizes.at(-1)).toBeLessThan(10 * 1024 * 1024);
    const { rows: count } = await sql<{ n: number }>`select count(*) as n from notes`.execute(db);
    expect(count[0]?.n).toBe(3000);
  });

  it("gives checkpoints back to the app's connection when stopped, or when the worker fails", async () => {
    const connection = new BetterSqlite3(freshFile());
    connection.pragma("journal_mode = WAL");
    const stopped = startWalCheckpointer(connection, connection.name);
    expect(autocheckpoint(connection)).toBe(0);
    await stopped.stop();
    expect(autocheckpoint(connection)).toBe(1000);

    // A worker that cannot open its file exits at once: the app checkpoints by itself again.
    const failing = startWalCheckpointer(connection, path.join(freshFile(), "missing", "x.db"));
    expect(autocheckpoint(connection)).toBe(0);
    for (let waited = 0; waited < 5000 && autocheckpoint(connection) === 0; waited += 20) await sleep(20);
    expect(autocheckpoint(connection)).toBe(1000);
    await failing.stop();
    connection.close();
  });

  it("hands checkpoints back to the app while commits come too densely for the worker to catch up", async () => {
    const connection = new BetterSqlite3(freshFile());
    connection.pragma("journal_mode = WAL");
    connection.pragma("busy_timeout = 5000");
    connection.exec("create table notes (body text not null)");
    const checkpointer = startWalCheckpointer(connection, connection.name, {
      intervalMs: 10,
      inlineAfterFrames: 500,
    });
    const insert = connection.prepare("insert into notes (body) values (?)");
    const note = "x".repeat(1000);
    // 2 s of back-to-back commits (each writes at least one page), yielding only to let the worker's
    // messages in: tens of thousands a second, far beyond what the app makes.
    const until = Date.now() + 2000;
    let commits = 0;
    let handedBack = false;
    while (Date.now() < until) {
      for (let n = 0; n < 50; n++) insert.run(note);
      commits += 50;
      await new Promise((resolve) => setImmediate(resolve));
      handedBack ||= autocheckpoint(connection) === 1000;
    }
    expect(handedBack).toBe(true);
    // The log's file keeps the most pages it ever held (4,096 bytes and a 24-byte header each).
    const walPages = statSync(`${connection.name}-wal`).size / 4120;
    expect(walPages).toBeLessThan(commits / 4);
    await checkpointer.stop();
    connection.close();
  });

  it("runs no worker for an in-memory database", async () => {
    database = openDatabase({ dialect: "sqlite", file: ":memory:" });
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(
      database.db,
    );
    expect(rows[0]?.wal_autocheckpoint).toBe(1000);
  });
});
