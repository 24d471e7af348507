import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, openTestDatabase, type TestDatabase } from "../../test/support/databases.ts";
import { preparedQuery, slot } from "./prepared-query.ts";

// One prepared query for both dialects in the same process: it must compile once per dialect.
const organizationsNamed = preparedQuery((db) =>
  db.selectFrom("organizations").select(["id", "name"]).where("name", "=", slot("name")).orderBy("id"),
);
const renameOrganization = preparedQuery((db) =>
  db
    .updateTable("organizations")
    .set({ name: slot("to") })
    .where("id", "=", slot("id")),
);

describe.each(DIALECTS)("prepared queries on %s", (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    for (const [id, name] of [
      ["org-a", "Alpha"],
      ["org-b", "Beta"],
      ["org-c", "Alpha"],
    ]) {
      await database.db
        .insertInto("organizations")
        .values({ id: id as string, name: name as string, created_at: "2026-11-23T00:00:00.000Z" })
        .execute();
    }
  });
  afterAll(async () => {
    await database.close();
  });

  it("runs the same compiled query with new values each time, in transactions too", async () => {
    expect((await organizationsNamed(database.db, { name: "Alpha" })).rows).toEqual([
      { id: "org-a", name: "Alpha" },
      { id: "org-c", name: "Alpha" },
    ]);
    expect((await organizationsNamed(database.db, { name: "Beta" })).rows).toEqual([
      { id: "org-b", name: "Beta" },
    ]);
    const renamed = await database.db
      .transaction()
      .execute((trx) => renameOrganization(trx, { id: "org-b", to: "Gamma" }));
    expect(Number(renamed.numAffectedRows)).toBe(1);
    expect((await organizationsNamed(database.db, { name: "Gamma" })).rows).toEqual([
      { id: "org-b", name: "Gamma" },
    ]);
  });

  it("refuses to run with a value missing, rather than binding NULL", async () => {
    await expect(organizationsNamed(database.db, {})).rejects.toThrow(/no value for slot "name"/);
  });
});
