import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, openTestDatabase } from "../../test/support/databases.ts";
import type { IsoInstant, OrganizationId } from "../core/shared/brand.ts";
import type { Database } from "./database.ts";
import { GroupCommit } from "./group-commit.ts";

const NOW = "2026-11-20T08:00:00.000Z" as IsoInstant;

describe.each(DIALECTS)("group commit on %s", (dialect) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.close();
  });

  const organization = (id: string) => ({ id: id as OrganizationId, name: `Org ${id}` });
  const exists = async (id: string) =>
    (await database.db.selectFrom("organizations").select("id").where("id", "=", id).executeTakeFirst()) !==
    undefined;

  it("commits the units queued together, each with its own result, and undoes only a failing one", async () => {
    const group = new GroupCommit(database.db);
    const results = await Promise.allSettled([
      group.run(async (repos) => {
        await repos.organizations.insertOrganization(organization("gc-a"), NOW);
        return "a";
      }),
      group.run(async (repos) => {
        await repos.organizations.insertOrganization(organization("gc-b"), NOW);
        // A second organization with the same id: refused by the database; gc-b goes with it.
        await repos.organizations.insertOrganization(organization("gc-b"), NOW);
        return "b";
      }),
      group.run(async (repos) => {
        await repos.organizations.insertOrganization(organization("gc-c"), NOW);
        return "c";
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(results[0]).toMatchObject({ value: "a" });
    expect(results[2]).toMatchObject({ value: "c" });
    expect(await exists("gc-a")).toBe(true);
    expect(await exists("gc-b")).toBe(false);
    expect(await exists("gc-c")).toBe(true);
  });

  it("runs units queued while a batch commits in the next batch, at most the given number at a time", async () => {
    const group = new GroupCommit(database.db, 2);
    const ids = ["gc-1", "gc-2", "gc-3", "gc-4", "gc-5"];
    await Promise.all(
      ids.map((id) => group.run((repos) => repos.organizations.insertOrganization(organization(id), NOW))),
    );
    for (const id of ids) expect(await exists(id)).toBe(true);
  });
});
