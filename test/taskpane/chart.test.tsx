/** @jest-environment jsdom */
/**
 * The pane's SVG chart in jsdom: bars as long as their values (a hand-checkable example), a dot
 * per value of a line, the title as the picture's name, the figures as a table, names that are
 * markup shown as text, and an empty chart said in words.
 */
import "@testing-library/jest-dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Chart } from "../../src/taskpane/components/Chart";
import type { ChartData } from "../../src/workbook/plans/chart-data";
import { HOSTILE } from "./support";

function draw(data: ChartData): HTMLElement {
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <Chart data={data} figuresLabel="Show the figures" emptyLabel="Nothing to draw." />
    </FluentProvider>,
  );
  return container;
}

const bars: ChartData = {
  type: "barStacked",
  title: "Aging by currency",
  categories: ["CNY", "USD"],
  series: [
    { name: "Not due", values: [300, 100] },
    { name: "Over 90 days", values: [100, 0] },
  ],
  numberFormat: "#,##0.00",
};

describe("Chart (stacked bars)", () => {
  test("each bar is as long as its value: 300, 100 and 100 on a 0–400 axis 196 units wide", () => {
    const container = draw(bars);
    const picture = screen.getByRole("img", { name: "Aging by currency" });
    const segments = [...picture.querySelectorAll("rect[data-value]")];
    // Plot: 320 − 100 (labels) − 24 = 196 units for 0–400: 300 → 147, 100 → 49; the zero is not drawn.
    expect(segments.map((rect) => [rect.getAttribute("data-category"), rect.getAttribute("data-series"), Number(rect.getAttribute("x")), Number(rect.getAttribute("width"))])).toEqual([
      ["0", "0", 100, 147],
      ["0", "1", 247, 49],
      ["1", "0", 100, 49],
    ]);
    const widths = segments.map((rect) => Number(rect.getAttribute("width")));
    expect(widths[0] / widths[2]).toBe(3);
    // Ticks 0, 100, …, 400 in the axis format without decimals; the legend names both series.
    expect([...picture.querySelectorAll("text")].map((text) => text.textContent)).toEqual(
      expect.arrayContaining(["0", "100", "400", "CNY", "USD", "Not due", "Over 90 days"]),
    );
    expect(segments[0].querySelector("title")?.textContent).toBe("CNY · Not due: 300.00");
    expect(container.querySelector("svg")?.getAttribute("data-chart")).toBe("barStacked");
  });

  test("the figures are a table under a toggle, in the sheet's number format", async () => {
    draw(bars);
    await userEvent.setup().click(screen.getByText("Show the figures"));
    const table = screen.getByRole("table", { name: "Aging by currency" });
    expect(within(table).getAllByRole("row").map((row) => row.textContent)).toEqual(["Not dueOver 90 days", "CNY300.00100.00", "USD100.000.00"]);
  });

  test("a customer name that is markup is text in the picture and in the table", () => {
    const container = draw({ ...bars, categories: [HOSTILE, "USD"] });
    expect(container.querySelector("img")).toBeNull();
    expect([...container.querySelectorAll("svg g > title")].map((title) => title.textContent)).toContain(HOSTILE);
    expect(within(container.querySelector("table")!).getByText(HOSTILE)).toBeInTheDocument();
  });
});

describe("Chart (bars side by side)", () => {
  test("each series its own bar from 0 in a category's row: 300 and 100 on a 0–300 axis 196 wide", () => {
    draw({ ...bars, type: "bar", title: "Outstanding by currency", series: [{ name: "Outstanding", values: [300, 100] }, { name: "Overdue", values: [100, null] }] });
    const picture = screen.getByRole("img", { name: "Outstanding by currency" });
    // Scale 0–300 by 100 (rough 60 → 100): 300 → 196, 100 → 65.33. Rows 24 high (two series: 24 × 1); each bar 9.6 high.
    const rects = [...picture.querySelectorAll("rect[data-value]")].map((rect) => [rect.getAttribute("data-series"), Number(rect.getAttribute("x")), Number(Number(rect.getAttribute("y")).toFixed(2)), Number(Number(rect.getAttribute("width")).toFixed(2))]);
    expect(rects).toEqual([
      ["0", 100, 22.4, 196],
      ["1", 100, 32, 65.33],
      ["0", 100, 46.4, 65.33],
    ]);
  });
});

describe("Chart (line)", () => {
  test("a dot per value, up the scale; a blank month leaves a gap in the line", () => {
    draw({ type: "line", title: "DSO trend", categories: ["2026-01-31", "2026-02-28", "2026-03-31"], series: [{ name: "CNY", values: [10, null, 30] }, { name: "USD", values: [20, 20, 20] }], numberFormat: "0.0" });
    const picture = screen.getByRole("img", { name: "DSO trend" });
    const dots = [...picture.querySelectorAll("circle[data-value]")];
    // Scale 0–30; plot 120 high from 10, 256 wide from 40: 10 → y 90, 20 → y 50, 30 → y 10; x 40, 168, 296.
    expect(dots.map((dot) => [dot.getAttribute("data-series"), Number(dot.getAttribute("cx")), Number(dot.getAttribute("cy"))])).toEqual([
      ["0", 40, 90], ["0", 296, 10], ["1", 40, 50], ["1", 168, 50], ["1", 296, 50],
    ]);
    expect([...picture.querySelectorAll("path")].map((path) => path.getAttribute("d"))).toEqual(["M40 90M296 10", "M40 50L168 50L296 50"]);
    expect([...picture.querySelectorAll("text")].map((text) => text.textContent)).toEqual(expect.arrayContaining(["2026-01", "2026-03", "CNY", "USD"]));
  });

  test("nothing to draw is said in words, with no picture", () => {
    draw({ type: "line", title: "DSO trend", categories: [], series: [], numberFormat: "0.0" });
    expect(screen.queryByRole("img")).toBeNull();
    expect(screen.getByText("Nothing to draw.")).toBeInTheDocument();
  });
});
