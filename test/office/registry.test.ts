import { resolveTargets } from "../../src/workbook/office/registry";
import type { SheetPlan } from "../../src/workbook/plan-types";

const plan = (name: string): SheetPlan => ({ name, kind: "aging", values: [], formats: [], conditionalFormats: [], columnWidths: [], freezeRows: 0, freezeCols: 0 });

describe("resolveTargets", () => {
  const existing = [
    { id: "{user}", name: "Aging", position: 0 },
    { id: "{ours}", name: "Flags", position: 1 },
  ];

  it("replaces our own sheet and steps around a user's sheet of the same name", () => {
    const targets = resolveTargets([plan("Aging"), plan("flags"), plan("Letters")], existing, new Set(["{ours}"]));
    expect(targets.map((t) => [t.name, t.replaces?.id])).toEqual([
      ["Aging (2)", undefined],
      ["flags", "{ours}"],
      ["Letters", undefined],
    ]);
  });

  it("keeps names within 31 characters when adding a suffix", () => {
    const long = "A".repeat(31);
    const [target] = resolveTargets([plan(long)], [{ id: "u", name: long, position: 0 }], new Set());
    expect(target.name).toBe(`${"A".repeat(27)} (2)`);
  });
});
