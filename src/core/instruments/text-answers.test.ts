import { describe, expect, it } from "vitest";
import { ALLIANCE_CHECK } from "./builtins/alliance-check.ts";
import { SIDE_EFFECTS_CHECK } from "./builtins/side-effects-check.ts";
import { answersFromText } from "./text-answers.ts";

describe("answersFromText", () => {
  it("reads numbers for scale items, keeps text, and skips empty cells", () => {
    const { answers, issues } = answersFromText(ALLIANCE_CHECK, {
      "goals-focus": " 8 ",
      overall: "10",
      "bond-support": "",
      "next-session": "More time on the plan",
    });
    expect(issues).toEqual([]);
    expect(answers).toEqual({ "goals-focus": 8, overall: 10, "next-session": "More time on the plan" });
  });

  it("names the item for unknown columns and unreadable numbers", () => {
    const { issues } = answersFromText(ALLIANCE_CHECK, { "goals-focus": "eight", mood: "5" });
    expect(issues).toEqual([
      { itemId: "goals-focus", message: 'Item "goals-focus" needs a number, got "eight".' },
      { itemId: "mood", message: '"mood" is not an item of alliance-check.' },
    ]);
  });

  it("reads choice items as option codes", () => {
    const choice = SIDE_EFFECTS_CHECK.items.find((item) => item.kind === "choice");
    expect(choice).toBeDefined();
    const { answers } = answersFromText(SIDE_EFFECTS_CHECK, { [choice?.id ?? ""]: "x" });
    expect(answers[choice?.id ?? ""]).toBe("x");
  });
});
