/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { RunOptions, WorkbookData } from "../../src/workbook/adapter-types";
import { PaneMemoryWorkbook, fakeHost, renderPane, sampleWorkbook } from "./support";
import { rowFromValues, rowsToChange } from "../../src/workbook/sheet-cells";

describe("Generate aging tab", () => {
  it("defaults the as-of date to today as YYYY-MM-DD", () => {
    renderPane(new PaneMemoryWorkbook(sampleWorkbook()), "en");
    expect(screen.getByRole("textbox", { name: "As-of date" })).toHaveValue("2026-11-23");
  });

  it("runs the job through the injected adapter and shows the summary with thousands separators", async () => {
    const user = userEvent.setup();
    const workbook = new PaneMemoryWorkbook(sampleWorkbook());
    const host = fakeHost("en-US");
    renderPane(workbook, "en", host);

    await user.click(screen.getByRole("button", { name: "Generate aging" }));
    const summary = await screen.findByRole("table", { name: "Summary" });
    const rows = within(summary).getAllByRole("row");
    // CNY: 3 customers; outstanding 25,000.00; overdue 16,000.00 (64.00 %); interest 200 + 7.50 + 10 + 22.50 = 240.00
    expect(within(rows[1]).getAllByRole("cell").map((cell) => cell.textContent)).toEqual([
      "CNY", "3", "25,000.00", "16,000.00", "64.00%", "240.00",
    ]);
    expect(within(rows[2]).getAllByRole("cell").map((cell) => cell.textContent)).toEqual([
      "USD", "1", "300.00", "300.00", "100.00%", "1.50",
    ]);
    expect(workbook.planWrites).toEqual([["Aging 2026-11-23", "Aging detail 2026-11-23"]]);
    expect(workbook.sheet("Aging 2026-11-23")?.generated).toBe(true);
    expect(host.autoShowCalls).toBe(1);

    await user.click(screen.getByRole("button", { name: "Go to sheet" }));
    await waitFor(() => expect(workbook.activated).toEqual(["Aging 2026-11-23"]));
  });

  it("rejects an invalid as-of date next to the field and disables Run", async () => {
    const user = userEvent.setup();
    renderPane(new PaneMemoryWorkbook(sampleWorkbook()), "en");
    const input = screen.getByRole("textbox", { name: "As-of date" });
    await user.clear(input);
    await user.type(input, "2026-02-30");
    expect(input).toHaveAccessibleDescription(expect.stringContaining("Enter a valid date as YYYY-MM-DD"));
    expect(screen.getByRole("button", { name: "Generate aging" })).toBeDisabled();
  });

  it("cancel aborts the run: nothing is written and the user is told", async () => {
    const user = userEvent.setup();
    let readStarted!: () => void;
    const started = new Promise<void>((resolve) => (readStarted = resolve));
    class SlowWorkbook extends PaneMemoryWorkbook {
      signalSeen: AbortSignal | undefined;
      async read(options?: RunOptions): Promise<WorkbookData> {
        this.signalSeen = options?.signal;
        readStarted();
        await new Promise<void>((resolve, reject) =>
          options?.signal?.addEventListener("abort", () => reject(Object.assign(new Error("aborted"), { name: "AbortError" }))),
        );
        return super.read(options);
      }
    }
    const workbook = new SlowWorkbook(sampleWorkbook());
    renderPane(workbook, "en");

    await user.click(screen.getByRole("button", { name: "Generate aging" }));
    await started;
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Cancel" }));

    expect(await screen.findByText("Cancelled. Nothing was written.")).toBeInTheDocument();
    expect(workbook.signalSeen?.aborted).toBe(true);
    expect(workbook.planWrites).toEqual([]);
    expect(screen.queryByRole("table", { name: "Summary" })).not.toBeInTheDocument();
  });

  it("shows the column mapping when no invoices header is recognised, remembers the choice and runs again", async () => {
    const user = userEvent.setup();
    const data = sampleWorkbook();
    rowsToChange(data.sheets[0])[0] = rowFromValues(["Name", "Ref", "Issued", "Payable", "Sum", "Paid", "Ccy"]);
    data.sheets = [data.sheets[0]];
    // A mapping of another table stored earlier must survive this one being saved.
    data.settings = { "ar.mapping": JSON.stringify({ customers: { customer: "客商" } }) };
    const workbook = new PaneMemoryWorkbook(data);
    renderPane(workbook, "en");

    await user.click(screen.getByRole("button", { name: "Generate aging" }));
    const mapping = await screen.findByRole("region", { name: "Which column is which?" });
    await user.selectOptions(within(mapping).getByRole("combobox", { name: /^Customer/ }), "Name");
    await user.selectOptions(within(mapping).getByRole("combobox", { name: /^Amount$|^Amount \*/ }), "Sum");
    await user.selectOptions(within(mapping).getByRole("combobox", { name: /^Due date/ }), "Payable");
    await user.click(within(mapping).getByRole("button", { name: "Remember and run again" }));

    await screen.findByRole("table", { name: "Summary" });
    expect(JSON.parse(workbook.data.settings["ar.mapping"])).toEqual({
      customers: { customer: "客商" },
      invoices: { customer: "Name", amount: "Sum", dueDate: "Payable" },
    });
  });
});
