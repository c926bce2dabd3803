/** @jest-environment jsdom */
/**
 * Saving settings in the pane makes the AR.* formulas follow: the functions' policy is read again
 * and their cells recalculated (src/functions/workbook-policy.ts), once per save, after the write.
 */
import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { followWorkbook } from "../../src/functions/workbook-policy";
import type { FunctionHost } from "../../src/workbook/office/function-host";
import { PaneMemoryWorkbook, renderPane, sampleWorkbook } from "./support";

afterEach(() => followWorkbook(null));

it("recalculates the add-in's formulas after the settings are written, not before", async () => {
  const workbook = new PaneMemoryWorkbook(sampleWorkbook());
  const savedWhenRecalculated: (string | undefined)[] = [];
  const host: FunctionHost = {
    readSettings: async () => null,
    recalculate: async () => {
      savedWhenRecalculated.push(workbook.data.settings["ar.policy"]);
    },
    watchSettingsSheet: async () => undefined,
    displayLanguage: () => undefined,
  };
  followWorkbook(host);
  const user = userEvent.setup();
  renderPane(workbook, "en");
  await user.click(screen.getByRole("tab", { name: "Settings" }));
  const rate = await screen.findByRole("textbox", { name: "Daily rate" });
  await user.clear(rate);
  await user.type(rate, "0.001");
  expect(savedWhenRecalculated).toEqual([]);
  await user.click(screen.getByRole("button", { name: "Save to workbook" }));
  expect(await screen.findByText(/Settings saved in this workbook/)).toBeInTheDocument();
  expect(savedWhenRecalculated).toHaveLength(1);
  expect(JSON.parse(String(savedWhenRecalculated[0])).interest.dailyRate).toBe("0.001");
});
