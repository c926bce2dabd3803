import { CLI_STRINGS } from "../../src/i18n/cli";
import { displayWidth } from "../../src/rules/display";

describe("the command line's words", () => {
  it("has the same keys in every language, none left empty", () => {
    const leaves = (value: unknown, prefix = ""): [string, unknown][] =>
      value !== null && typeof value === "object"
        ? Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${prefix}${key}.`))
        : [[prefix, value]];
    const keys = (value: unknown): string[] => leaves(value).map(([key]) => key).sort();
    const zh = keys(CLI_STRINGS["zh-CN"]);
    expect(keys(CLI_STRINGS["zh-TW"])).toEqual(zh);
    expect(keys(CLI_STRINGS.en)).toEqual(zh);
    // Some words end in a quote, so each leaf is checked rather than the JSON text.
    for (const strings of Object.values(CLI_STRINGS)) {
      expect(leaves(strings).filter(([, text]) => typeof text !== "string" || text.trim() === "")).toEqual([]);
    }
  });

  it("lines up the descriptions of the help at column 32 in a terminal, Chinese counting two columns", () => {
    for (const { usage } of Object.values(CLI_STRINGS)) {
      const entries = usage.split("\n").filter((line) => /^ {2}\S.*\S {2,}\S/.test(line));
      // The 15 entries of the other commands and options (report's included), log (1), its options (11) and those of
      // statements (3); the statements command is too long for column 32, so its description is on the next line, at
      // column 32 too.
      expect(entries).toHaveLength(30);
      for (const line of entries) {
        const description = line.search(/(?<= {2,})\S(?!.* {2,}\S)/);
        expect(displayWidth(line.slice(0, description))).toBe(32);
      }
    }
  });
});
