import { fileProblemText } from "../../src/i18n/file-messages";
import type { FileProblem, FileProblemCode, FileProblemParams } from "../../src/workbook/exceljs/file-problems";
import type { Lang } from "../../src/rules/types";

const LANGS: Lang[] = ["zh-CN", "zh-TW", "en"];

/** Values for every code: a code added without an example here does not compile. */
const EXAMPLES: { [C in FileProblemCode]: FileProblemParams[C] } = {
  "file.missing": { file: "nope.xlsx" },
  "file.notAFile": { file: "folder.xlsx" },
  "file.encrypted": { file: "locked.xlsx" },
  "file.encryptedOrXls": { file: "cfb.xlsx" },
  "file.oldXls": { file: "old.xls" },
  "file.notZip": { file: "notes.xlsx" },
  "file.unreadable": { file: "corrupt.xlsx", reason: "end of central directory record signature not found" },
  "file.quoteNotClosed": { file: "open.csv", line: 3 },
  "file.overwritesInput": { file: "ledger.xlsx", what: "workbook" },
  "file.noOutput": {},
  "file.outputExtension": { file: "out.txt", extension: ".xlsx" },
  "file.csvTooLarge": { file: "big.csv", rows: 1048577, columns: 3, maxRows: 1048576, maxColumns: 16384 },
  "file.rowPastLast": { sheet: "台账", row: 1048577, max: 1048576 },
  "file.cellPastLastRow": { sheet: "台账", max: 1048576 },
  "file.cellPastLastColumn": { sheet: "台账", max: 16384 },
  "file.cellTooLong": { sheet: "台账", megabytes: 64 },
  "file.sharedStringTooLong": { part: "xl/sharedStrings.xml", megabytes: 64 },
  "file.tooManyParts": { file: "many.xlsx", count: 100001, max: 100000 },
  "file.partEncrypted": { file: "enc.xlsx", part: "xl/workbook.xml" },
  "file.zipBomb": { file: "bomb.xlsx", part: "xl/worksheets/sheet1.xml", size: "32 MB", compressed: "33 KB", ratio: 993, max: 100 },
  "file.tooLargeTotal": { file: "huge.xlsx", limit: "1 KB", part: "xl/worksheets/sheet1.xml" },
};

const problems = Object.entries(EXAMPLES).map(([code, params]) => ({ code, params }) as FileProblem);

describe("the command line's file problems in three languages", () => {
  it.each(LANGS)("gives every code one line in %s, naming the file, sheet or part", (lang) => {
    for (const problem of problems) {
      const text = fileProblemText(problem, lang);
      expect(text).not.toMatch(/\n|undefined|\$\{/);
      const named = (problem.params as { file?: string; sheet?: string; part?: string });
      const name = named.file ?? named.sheet ?? named.part;
      if (name !== undefined) expect(text).toContain(name);
    }
  });

  it("words the same problem in each language, with Excel's limits grouped", () => {
    const row = problems.find((problem) => problem.code === "file.rowPastLast")!;
    expect(LANGS.map((lang) => fileProblemText(row, lang))).toEqual([
      "工作表“台账”：第1048577行超出 Excel 的最后一行 1,048,576",
      "工作表“台账”：第1048577列超出 Excel 的最後一列 1,048,576",
      'sheet "台账": row 1048577 is past Excel\'s last row 1,048,576',
    ]);
    const overwrite = problems.find((problem) => problem.code === "file.overwritesInput")!;
    expect(fileProblemText(overwrite, "zh-CN")).toBe("ledger.xlsx：输出的工作簿会覆盖输入文件（输入文件从不改写）：请用 --out 另选路径");
  });
});
