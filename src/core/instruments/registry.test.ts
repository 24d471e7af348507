import { describe, expect, it } from "vitest";
import { ALLIANCE_CHECK } from "./builtins/alliance-check.ts";
import { compareVersions, createInstrumentRegistry, findInstrument, listInstruments } from "./registry.ts";

describe("the built-in registry", () => {
  it("lists the seven built-in instruments, each at version 1.0.0", () => {
    expect(listInstruments().map((instrument) => [instrument.id, instrument.version])).toEqual([
      ["alliance-check", "1.0.0"],
      ["coach-mirror", "1.0.0"],
      ["coach-attributes", "1.0.0"],
      ["five-pillars-coachee", "1.0.0"],
      ["five-pillars-coach", "1.0.0"],
      ["side-effects-check", "1.0.0"],
      ["wellbeing-screen", "1.0.0"],
    ]);
  });

  it("finds an instrument by id, with or without its version", () => {
    expect(findInstrument("alliance-check")).toBe(ALLIANCE_CHECK);
    expect(findInstrument("alliance-check", "1.0.0")).toBe(ALLIANCE_CHECK);
    expect(findInstrument("alliance-check", "9.0.0")).toBeUndefined();
    expect(findInstrument("wai-sr")).toBeUndefined();
  });
});

describe("createInstrumentRegistry", () => {
  const v = (version: string) => ({ ...ALLIANCE_CHECK, version });

  it("keeps every version findable and lists the latest release", () => {
    const registry = createInstrumentRegistry([v("1.0.0"), v("1.10.0"), v("1.2.0"), v("2.0.0-beta.1")]);
    expect(registry.listInstruments().map((instrument) => instrument.version)).toEqual(["1.10.0"]);
    expect(registry.findInstrument("alliance-check")?.version).toBe("1.10.0");
    expect(registry.findInstrument("alliance-check", "1.2.0")?.version).toBe("1.2.0");
    expect(registry.findInstrument("alliance-check", "2.0.0-beta.1")?.version).toBe("2.0.0-beta.1");
  });

  it("takes a pre-release as the latest only while there is no release", () => {
    const registry = createInstrumentRegistry([v("2.0.0-beta.1"), v("2.0.0-beta.2")]);
    expect(registry.findInstrument("alliance-check")?.version).toBe("2.0.0-beta.2");
  });

  it("refuses the same id and version twice", () => {
    expect(() => createInstrumentRegistry([v("1.0.0"), v("1.0.0")])).toThrow("registered twice");
  });
});

describe("compareVersions", () => {
  it.each([
    ["1.0.0", "1.0.0", 0],
    ["1.0.0", "1.0.1", -1],
    ["1.10.0", "1.9.0", 1],
    ["2.0.0", "10.0.0", -1],
    ["2.0.0-beta", "2.0.0", -1],
    ["2.0.0-alpha", "2.0.0-beta", -1],
    ["1.0.0+build.5", "1.0.0", 0],
  ])("orders %s against %s as %d", (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});
