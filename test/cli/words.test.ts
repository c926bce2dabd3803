/** The command line's words chosen by --lang, run in-process with streams that collect the text. */
import { main } from "../../src/cli/main";
import { requestedLanguage, UsageError } from "../../src/cli/args";
import { currencyTable } from "../../src/cli/summary";

async function run(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    now: () => new Date(2026, 10, 23, 9, 0),
  };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}

describe("the language of the command line's words", () => {
  it("is the last valid --lang, even on a command line that cannot be parsed", () => {
    expect(requestedLanguage(["aging", "a.xlsx"])).toBe("zh-CN");
    expect(requestedLanguage(["aging", "--colour", "--lang", "en"])).toBe("en");
    expect(requestedLanguage(["--lang=zh-TW", "aging"])).toBe("zh-TW");
    expect(requestedLanguage(["--lang", "en", "--lang", "fr"])).toBe("en");
    expect(requestedLanguage(["--lang"])).toBe("zh-CN");
  });

  it("prints the help in Simplified Chinese by default, and in the language asked for", async () => {
    const chinese = await run("--help");
    expect(chinese.status).toBe(0);
    expect(chinese.stdout).toContain("用法：ar-addin <命令> [选项]");
    expect((await run("--help", "--lang", "zh-TW")).stdout).toContain("用法：ar-addin <指令> [選項]");
    expect((await run("--lang", "en", "--help")).stdout).toContain("Usage: ar-addin <command> [options]");
  });

  it("words a bad command line in that language, with its values", async () => {
    expect(await run("aging")).toEqual({ status: 2, stdout: "", stderr: "ar-addin: aging 需要一个工作簿：ar-addin aging <工作簿.xlsx>\n" });
    expect((await run("aging", "a.xlsx", "--lang", "zh-TW", "--docx", "both")).stderr).toBe(
      "ar-addin: --docx 只能是 single 或 per-customer，不能是「both」\n",
    );
    expect((await run("flags", "a.xlsx", "--lang", "en", "--docx", "single")).stderr).toBe("ar-addin: --docx works with the letters and statements commands only\n");
  });

  it("keeps the English words as the error's message, for logs", () => {
    const error = new UsageError("badAsOf", { value: "2026-02-30" });
    expect(error.message).toBe('bad --as-of "2026-02-30": use a real date as YYYY-MM-DD, e.g. 2026-11-23');
    expect(error.wordsIn("zh-CN")).toBe("--as-of 日期“2026-02-30”无效：请输入真实存在的日期，格式 YYYY-MM-DD，例如 2026-11-23");
  });

  it("heads the summary table in that language", () => {
    const summary = [{ currency: "CNY", customers: 2, outstanding: "9200.00", overdue: "8200.00", overduePct: 0.8913, interest: "218.25" }];
    expect(currencyTable(summary, "en")).toBe(
      "Currency  Customers  Outstanding  Overdue   % overdue  Late interest\nCNY               2     9,200.00  8,200.00      89.1%         218.25",
    );
    expect(currencyTable(summary, "zh-CN").split("\n")[0]).toBe("币种  客户数  应收余额  逾期金额  逾期占比  罚息");
  });
});
