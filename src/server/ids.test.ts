import { describe, expect, it } from "vitest";
import { randomIds } from "./runtime.ts";

describe("record ids", () => {
  it("are distinct UUIDs of version 7 that begin with the time", () => {
    const before = Date.now();
    const ids = Array.from({ length: 2000 }, () => randomIds.newId());
    const after = Date.now();
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const millis = Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);
      expect(millis).toBeGreaterThanOrEqual(before);
      expect(millis).toBeLessThanOrEqual(after);
    }
  });
});
