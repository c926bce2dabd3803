/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PANE_STRINGS } from "../../src/i18n/pane";
import { DEFAULT_POLICY } from "../../src/rules/policy";
import type { CustomerReport } from "../../src/rules/types";
import { FlaggedTable } from "../../src/taskpane/components/FlaggedTable";
import "./support";

/** A flagged customer: 客户0001 …, outstanding n × 100.00, no limit, stop shipping for months overdue. */
function customer(n: number): CustomerReport {
  return { customer: `客户${String(n).padStart(4, "0")}`, currency: "CNY", effectiveLimit: 0, outstanding: n * 10000, excess: 0, reasons: ["overdueMonths"], stage: null } as unknown as CustomerReport;
}

function table(customers: CustomerReport[], onChoose = jest.fn()) {
  return <FluentProvider theme={webLightTheme}><FlaggedTable customers={customers} policy={DEFAULT_POLICY} scale={2} lang="en" words={PANE_STRINGS.en.flags} label="Over-limit customers" onChoose={onChoose} /></FluentProvider>;
}

describe("the over-limit table", () => {
  it("shows 450 customers 200 rows at a time, all of them in the end, in order", async () => {
    const customers = Array.from({ length: 450 }, (_, i) => customer(i + 1));
    render(table(customers));
    const rows = () => within(screen.getByRole("table", { name: "Over-limit customers" })).getAllByRole("row");
    // The header and the first slice of 200 at first.
    expect(rows()).toHaveLength(201);
    await waitFor(() => expect(rows()).toHaveLength(451));
    expect(within(rows()[450]).getAllByRole("cell")[0]).toHaveTextContent("客户0450 CNY");
    // 450 × 100.00 = 45,000.00 outstanding.
    expect(within(rows()[450]).getAllByRole("cell")[2]).toHaveTextContent("45,000.00");
  });

  it("starts again from the first slice for a new list", async () => {
    const { rerender } = render(table(Array.from({ length: 450 }, (_, i) => customer(i + 1))));
    const rows = () => within(screen.getByRole("table", { name: "Over-limit customers" })).getAllByRole("row");
    await waitFor(() => expect(rows()).toHaveLength(451));
    rerender(table(Array.from({ length: 300 }, (_, i) => customer(1000 + i))));
    expect(rows()).toHaveLength(201);
    expect(within(rows()[1]).getAllByRole("cell")[0]).toHaveTextContent("客户1000 CNY");
    await waitFor(() => expect(rows()).toHaveLength(301));
  });
});
