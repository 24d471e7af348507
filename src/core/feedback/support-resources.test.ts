import { describe, expect, it } from "vitest";
import { DEFAULT_SUPPORT_RESOURCES, parseSupportResources, referralResources } from "./support-resources.ts";

describe("support resources", () => {
  it("shows the programme's own list when it has one", () => {
    const own = [{ name: "EAP line", contact: "0800 000 000", note: "Free, confidential, any hour." }];
    expect(referralResources(own)).toEqual({ resources: own, programmeConfigured: true });
  });

  it("falls back to general advice, including emergencies, while the programme has none", () => {
    const { resources, programmeConfigured } = referralResources([]);
    expect(programmeConfigured).toBe(false);
    expect(resources).toBe(DEFAULT_SUPPORT_RESOURCES);
    expect(resources.some((r) => /emergency/i.test(r.contact))).toBe(true);
  });

  it("drops malformed stored entries and reads a non-list as none", () => {
    expect(parseSupportResources("nonsense")).toEqual([]);
    expect(
      parseSupportResources([
        { name: "EAP", contact: "x", note: "" },
        { name: "  ", contact: "x", note: "" },
        { name: "No contact" },
        null,
      ]),
    ).toEqual([{ name: "EAP", contact: "x", note: "" }]);
  });
});
