// Wires the real dependencies (system clock, random ids, database, mailer) into a running server.

import { randomFillSync, randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { FastifyInstance } from "fastify";
import { v7 as uuidv7 } from "uuid";
import type { Clock, IdSource, IsoInstant } from "../core/shared/brand.ts";
import { type Database, migrateToLatest, openDatabase } from "../store/database.ts";
import { repositories } from "../store/repositories.ts";
import { buildApp } from "./app.ts";
import type { AppContext } from "./app-context.ts";
import type { ServerConfig } from "./config.ts";
import { JobWorker } from "./jobs/job-worker.ts";
import { type Mailer, type MailLog, outboxMailer, smtpMailer } from "./mail/mailer.ts";
import { RATING_REMINDER_JOB, ratingReminderHandler } from "./ratings/rating-links.ts";

export const systemClock: Clock = { now: () => new Date().toISOString() as IsoInstant };
/** Random bytes drawn 4 KiB at a time: the uuid package asks the system for 16 bytes per id otherwise. */
const randomPool = new Uint8Array(4096);
let randomOffset = randomPool.length;
function pooledRandom16(): Uint8Array {
  if (randomOffset + 16 > randomPool.length) {
    randomFillSync(randomPool);
    randomOffset = 0;
  }
  const bytes = randomPool.slice(randomOffset, randomOffset + 16);
  randomOffset += 16;
  return bytes;
}

/**
 * New record ids: UUIDs of version 7, which begin with the time, so that each insert lands at the end of
 * its table's key index instead of on a random page (fewer pages written per commit, on SQLite and
 * PostgreSQL alike). Ids are not secrets; links and sessions use separate random tokens.
 */
export const randomIds: IdSource = { newId: () => uuidv7({ rng: pooledRandom16 }) };

export function createMailer(config: ServerConfig, database: Database, log: MailLog): Mailer {
  if (config.smtp) return smtpMailer(config.smtp, config.mailFrom);
  return outboxMailer(repositories(database.db).outbox, systemClock, randomIds, log);
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  close(): Promise<void>;
}

/** Opens and migrates the database, then serves the API and web app on the configured port. */
export async function startServer(config: ServerConfig, database?: Database): Promise<RunningServer> {
  const db = database ?? openDatabase(config.database);
  await migrateToLatest(db);
  await repositories(db.db).accounts.deleteExpiredAuthSessions(systemClock.now());
  let app: FastifyInstance | undefined;
  const log: MailLog = { info: (object, message) => app?.log.info(object, message) };
  const mailer = createMailer(config, db, log);
  const ctx: AppContext = {
    database: db,
    repos: repositories(db.db),
    mailer,
    clock: systemClock,
    ids: randomIds,
    config,
  };
  app = await buildApp(ctx);
  const worker = new JobWorker({
    workerId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    jobs: ctx.repos.jobs,
    clock: systemClock,
    handlers: { [RATING_REMINDER_JOB]: ratingReminderHandler(ctx, mailer) },
    log: app.log,
  });
  const address = await app.listen({ port: config.port, host: config.host });
  worker.start();
  const running = app;
  return {
    app: running,
    url: address,
    async close() {
      await worker.stop();
      await running.close();
      mailer.close();
      await db.close();
    },
  };
}
