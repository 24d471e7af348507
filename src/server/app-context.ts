// What every route needs: the database, the mailer, the clock and id source, and the configuration.

import type { Clock, IdSource } from "../core/shared/brand.ts";
import type { Database } from "../store/database.ts";
import type { Repositories } from "../store/repositories.ts";
import type { ServerConfig } from "./config.ts";
import type { Mailer } from "./mail/mailer.ts";

export interface AppContext {
  readonly database: Database;
  readonly repos: Repositories;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly config: ServerConfig;
}
