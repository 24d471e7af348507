import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const BIN = path.resolve(import.meta.dirname, "../../bin/alliance.js");

function alliance(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("alliance CLI", () => {
  it("prints help listing its commands", () => {
    const { code, stdout } = alliance(["--help"]);
    expect(code).toBe(0);
    for (const command of ["serve", "migrate", "demo", "start"]) expect(stdout).toContain(command);
    const serveHelp = alliance(["serve", "--help"]);
    expect(serveHelp.code).toBe(0);
    expect(serveHelp.stdout).toContain("--port <port>");
  });

  it("exits 2 with a one-line reason on bad usage or bad configuration", () => {
    const unknown = alliance(["fly"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'fly'");
    const badPort = alliance(["serve", "--port", "http"]);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain("a port is a whole number");
    const badUrl = alliance(["migrate"], { DATABASE_URL: "mysql://nope" });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr.trim()).toBe(
      'alliance: DATABASE_URL must start with sqlite: or postgres:// (got "mysql:…"); leave it unset for ./data/alliance.db',
    );
  });

  it("exits 1 with a one-line reason when the database cannot be reached", () => {
    const result = alliance(["migrate"], { DATABASE_URL: "postgres://nobody:secret@127.0.0.1:1/alliance" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      "alliance: Cannot prepare the postgres database (check DATABASE_URL): connect ECONNREFUSED 127.0.0.1:1",
    );
  });

  it("migrates and seeds the demo organization once, reporting as JSON", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "alliance-cli-")), "cli.db");
    const env = { DATABASE_URL: `sqlite:${file}` };
    const migrated = alliance(["migrate", "--json"], env);
    expect(migrated.code).toBe(0);
    expect(JSON.parse(migrated.stdout)).toEqual({
      dialect: "sqlite",
      applied: [
        "0001-initial",
        "0002-jobs",
        "0003-ratings",
        "0004-alerts",
        "0005-programme-settings",
        "0006-check-ins",
        "0007-transcripts",
        "0008-matching",
      ],
    });
    expect(JSON.parse(alliance(["migrate", "--json"], env).stdout)).toEqual({
      dialect: "sqlite",
      applied: [],
    });

    const first = alliance(["demo", "--json"], env);
    expect(first.code).toBe(0);
    const seeded = JSON.parse(first.stdout) as {
      seeded: boolean;
      signIns: Array<{ email: string; role: string }>;
    };
    expect(seeded.seeded).toBe(true);
    expect(seeded.signIns).toContainEqual(
      expect.objectContaining({ email: "coach@alliance.example", role: "coach" }),
    );
    expect((JSON.parse(alliance(["demo", "--json"], env).stdout) as { seeded: boolean }).seeded).toBe(false);
  });
});
