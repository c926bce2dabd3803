import { placeSheets, type NamedSheet } from "../../src/workbook/sheet-names";

const user = (name: string): NamedSheet => ({ name, generated: false });
const ours = (name: string): NamedSheet => ({ name, generated: true });
const names = (wanted: string[], existing: NamedSheet[]): string[] => placeSheets(wanted, existing).map((place) => place.name);

describe("placeSheets: the free-sheet-name rule", () => {
  it("keeps a free name as it is", () => {
    expect(placeSheets(["账龄分析 2026-11-23"], [user("台账")])).toEqual([{ name: "账龄分析 2026-11-23" }]);
  });

  it("steps around a user's sheet of that name, compared case-insensitively: (2), then (3)", () => {
    expect(names(["Aging"], [user("Aging")])).toEqual(["Aging (2)"]);
    expect(names(["A"], [user("a"), user("A (2)")])).toEqual(["A (3)"]);
  });

  it("replaces our own generated sheet of that name", () => {
    const earlier = ours("Aging 2026-11-23");
    expect(placeSheets(["Aging 2026-11-23"], [user("Ledger"), earlier])).toEqual([{ name: "Aging 2026-11-23", replaces: earlier }]);
    expect(names(["A"], [ours("A")])).toEqual(["A"]);
  });

  it("replaces our own '(2)' when the plain name is a user's", () => {
    const second = ours("Aging (2)");
    expect(placeSheets(["Aging"], [user("Aging"), second])).toEqual([{ name: "Aging (2)", replaces: second }]);
  });

  it("never gives two plans of one call the same sheet", () => {
    expect(names(["Aging", "aging", "Aging"], [ours("Aging")])).toEqual(["Aging", "aging (2)", "Aging (3)"]);
  });

  it("cuts a 31-character name to 27 characters to fit the suffix ' (2)'", () => {
    const long = "x".repeat(31);
    expect(names([long], [user(long)])).toEqual([`${"x".repeat(27)} (2)`]);
    // 40 characters are first cut to Excel's 31.
    expect(names(["y".repeat(40)], [])).toEqual(["y".repeat(31)]);
    // "(10)" is one character longer than "(2)": 26 characters remain.
    const taken = [long, ...Array.from({ length: 8 }, (_, i) => `${"x".repeat(27)} (${i + 2})`)].map(user);
    expect(names([long], taken)).toEqual([`${"x".repeat(26)} (10)`]);
  });

  it("makes a name with forbidden characters valid before comparing it", () => {
    expect(names(["A/R: [2026]"], [])).toEqual(["A-R- -2026-"]);
    expect(names(["A/R 2026"], [user("A-R 2026")])).toEqual(["A-R 2026 (2)"]);
    expect(names(["'quoted'"], [])).toEqual(["quoted"]);
  });
});
