// Queries built and compiled once, run many times with new values: Kysely builds and compiles a query
// afresh on every call (about a sixth of a rating submission's CPU time went to that). A prepared query is
// written with the usual builder, with `slot("name")` where a value goes; each run puts the values in.
// The compiled SQL depends only on the dialect, so it is kept per dialect.

import type { Compilable, CompiledQuery, Kysely, QueryResult } from "kysely";
import type { Schema } from "./schema.ts";

const SLOT_PREFIX = "\u0000slot:";

/** Where the value named `name` goes in a prepared query (typed as whatever the column wants). */
export function slot(name: string): never {
  return `${SLOT_PREFIX}${name}` as never;
}

/**
 * Prepares `build(db)`: the returned function runs it on `db` (the database or a transaction) with `values`
 * in the slots. A value missing from `values` is an error, not a silent NULL.
 */
export function preparedQuery<Row>(
  build: (db: Kysely<Schema>) => Compilable<Row>,
): (db: Kysely<Schema>, values: Readonly<Record<string, unknown>>) => Promise<QueryResult<Row>> {
  const compiledFor = new Map<unknown, CompiledQuery<Row>>();
  return async (db, values) => {
    const dialect = db.getExecutor().adapter.constructor;
    let compiled = compiledFor.get(dialect);
    if (compiled === undefined) {
      compiled = build(db).compile();
      compiledFor.set(dialect, compiled);
    }
    const parameters = compiled.parameters.map((parameter) => {
      if (typeof parameter !== "string" || !parameter.startsWith(SLOT_PREFIX)) return parameter;
      const name = parameter.slice(SLOT_PREFIX.length);
      if (!Object.hasOwn(values, name)) throw new Error(`prepared query: no value for slot "${name}"`);
      return values[name];
    });
    return await db.executeQuery<Row>({ ...compiled, parameters });
  };
}
