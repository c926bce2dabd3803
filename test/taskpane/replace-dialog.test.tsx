/** @jest-environment jsdom */
// Its own file: Tabster (Fluent's focus manager) keeps page-wide modal state, and a dialog opened
// after other tests on the same jsdom page can come up aria-hidden — a jsdom artefact; the
// browser test checks the same dialog in Chromium.
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
    const dialog = await screen.findByRole("alertdialog", { name: "替换之前生成的工作表？" });
    expect(dialog).toHaveTextContent("“账龄分析 2026-11-23”");
    await user.click(await within(dialog).findByRole("button", { name: "不替换" }));
    await screen.findByText("未写入任何工作表。");
    expect(workbook.planWrites).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "生成账龄表" }));
    await user.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "替换" }));
    await screen.findByText("已写入工作表：账龄分析 2026-11-23、账龄明细 2026-11-23");
    expect(workbook.planWrites).toHaveLength(2);
  });

});
