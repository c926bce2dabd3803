/** @jest-environment jsdom */
// Its own file: Tabster (Fluent's focus manager) keeps page-wide modal state, and a dialog opened
// after other tests on the same jsdom page can come up aria-hidden — a jsdom artefact; the
// browser test checks the same dialog in Chromium, where it must be exposed to assistive
// technology (Playwright's getByRole skips hidden nodes). Even alone in its file, a loaded
// machine sometimes gets the dialog's portal marked aria-hidden="true" by Tabster in jsdom
// (seen in about 1 run in 4 under load, with the dialog fully rendered), so here the dialog and
// its buttons are found with `hidden: true`: this test is about what is asked and what is written.
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PaneMemoryWorkbook, renderPane, sampleWorkbook } from "./support";

describe("replacing generated sheets", () => {
  it("asks before replacing sheets it generated earlier, and keeps them when told to", async () => {
    const user = userEvent.setup();
    const workbook = new PaneMemoryWorkbook(sampleWorkbook());
    renderPane(workbook, "zh-CN");

    await user.click(screen.getByRole("button", { name: "生成账龄表" }));
    await screen.findByRole("table", { name: "汇总" });
    expect(workbook.planWrites).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "生成账龄表" }));
    // Found by role, then its title checked as text: the accessible-name computation can skip a title
// under an aria-hidden ancestor.
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(dialog).toHaveTextContent("替换之前生成的工作表？");
    expect(dialog).toHaveTextContent("“账龄分析 2026-11-23”");
    await user.click(await within(dialog).findByRole("button", { name: "不替换", hidden: true }));
    await screen.findByText("未写入任何工作表。");
    expect(workbook.planWrites).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "生成账龄表" }));
    await user.click(within(await screen.findByRole("alertdialog", { hidden: true })).getByRole("button", { name: "替换", hidden: true }));
    await screen.findByText("已写入工作表：账龄分析 2026-11-23、账龄明细 2026-11-23");
    expect(workbook.planWrites).toHaveLength(2);
  });

});
