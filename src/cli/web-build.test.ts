import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WEB_ROOT } from "./web-build.ts";

describe("the built web app", () => {
  // test/global-setup.ts has built it, from inside the test runner (NODE_ENV=test).
  it("is a production build, even when built from the test run", () => {
    const assets = path.join(WEB_ROOT, "assets");
    const scripts = readdirSync(assets).filter((file) => file.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const code = readFileSync(path.join(assets, script), "utf8");
      // React's development runtime names its JSX function jsxDEV; production builds have no such name.
      expect(code).not.toContain("jsxDEV");
    }
  });
});
