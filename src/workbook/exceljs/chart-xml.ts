/**
 * A plan's charts as DrawingML parts: one chart part per PlanChart (a stacked bar, a clustered
 * bar or a line over the plan's data block: first row the series names, first column the
 * categories, series by column, as the Office adapter's `charts.add(…, "Columns")`), and one
 * drawing part anchoring them on the sheet. Each series refers to its cells and carries their
 * values as a cache, so Excel and LibreOffice draw it on opening without a recalculation.
 */
import type { PlanCell, PlanChart, SheetPlan } from "../plan-types";
import { columnLetter } from "./plan-styles";
import { xmlText } from "./sheet-xml-text";

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const SHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** A chart covers this many columns and rows from its anchor cell. */
const CHART_COLS = 9;
const CHART_ROWS = 18;

/** What each chart kind is in DrawingML. */
const KINDS: Record<string, { element: "barChart" | "lineChart"; barDir?: "bar" | "col"; grouping: string; overlap?: number }> = {
  barStacked: { element: "barChart", barDir: "bar", grouping: "stacked", overlap: 100 },
  bar: { element: "barChart", barDir: "bar", grouping: "clustered" },
  line: { element: "lineChart", grouping: "standard" },
};

/**
 * The charts a plan asks for.
 * @param plan the plan
 * @returns its charts, in order
 * @example planCharts({ ...plan, chart: undefined }) // []
 */
export function planCharts(plan: SheetPlan): PlanChart[] {
  return plan.chart ? [plan.chart] : [];
}

/** `'Aging 2026'!$B$2:$B$11` */
function reference(sheet: string, row: number, col: number, rows: number): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const first = `$${columnLetter(col)}$${row + 1}`;
  return rows === 1 ? `${quoted}!${first}` : `${quoted}!${first}:$${columnLetter(col)}$${row + rows}`;
}

function cellAt(plan: SheetPlan, row: number, col: number): PlanCell {
  return plan.values[row]?.[col] ?? null;
}

function textOf(cell: PlanCell): string {
  return cell === null ? "" : String(cell);
}

function stringCache(values: PlanCell[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((value, idx) => `<c:pt idx="${idx}"><c:v>${xmlText(textOf(value))}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function numberCache(values: PlanCell[]): string {
  const points = values.map((value, idx) => (typeof value === "number" && Number.isFinite(value) ? `<c:pt idx="${idx}"><c:v>${value}</c:v></c:pt>` : "")).join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

function series(plan: SheetPlan, sheetName: string, chart: PlanChart, index: number, line: boolean): string {
  const col = chart.dataCol + 1 + index;
  const categories = chart.dataRows - 1;
  const names = Array.from({ length: categories }, (_, i) => cellAt(plan, chart.dataRow + 1 + i, chart.dataCol));
  const values = Array.from({ length: categories }, (_, i) => cellAt(plan, chart.dataRow + 1 + i, col));
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx><c:strRef><c:f>${xmlText(reference(sheetName, chart.dataRow, col, 1))}</c:f>${stringCache([cellAt(plan, chart.dataRow, col)])}</c:strRef></c:tx>` +
    (line ? '<c:marker><c:symbol val="circle"/></c:marker>' : '<c:invertIfNegative val="0"/>') +
    `<c:cat><c:strRef><c:f>${xmlText(reference(sheetName, chart.dataRow + 1, chart.dataCol, categories))}</c:f>${stringCache(names)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlText(reference(sheetName, chart.dataRow + 1, col, categories))}</c:f>${numberCache(values)}</c:numRef></c:val>` +
    (line ? '<c:smooth val="0"/>' : "") +
    "</c:ser>"
  );
}

/**
 * A chart part (`xl/charts/chartN.xml`) for one PlanChart.
 * @param plan the plan the chart's data block lies in
 * @param sheetName the sheet's name in the workbook (the series refer to its cells)
 * @param chart the chart
 * @returns the part's text
 * @throws Error for a chart kind this writer does not know
 * @example chartXml(plan, "Aging", plan.chart!).includes('<c:grouping val="stacked"/>') // true
 */
export function chartXml(plan: SheetPlan, sheetName: string, chart: PlanChart): string {
  const kind = KINDS[chart.type];
  if (!kind) throw new Error(`chart type ${chart.type} cannot be written`);
  const line = kind.element === "lineChart";
  const seriesXml = Array.from({ length: Math.max(0, chart.dataCols - 1) }, (_, index) => series(plan, sheetName, chart, index, line)).join("");
  const plot =
    `<c:${kind.element}>` +
    (kind.barDir ? `<c:barDir val="${kind.barDir}"/>` : "") +
    `<c:grouping val="${kind.grouping}"/><c:varyColors val="0"/>${seriesXml}` +
    (line ? '<c:marker val="1"/>' : `<c:gapWidth val="150"/>${kind.overlap !== undefined ? `<c:overlap val="${kind.overlap}"/>` : ""}`) +
    `<c:axId val="500000001"/><c:axId val="500000002"/></c:${kind.element}>`;
  const categoryAxisAt = kind.barDir === "bar" ? "l" : "b";
  const valueAxisAt = kind.barDir === "bar" ? "b" : "l";
  const axes =
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${categoryAxisAt}"/>` +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/>' +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valueAxisAt}"/>` +
    '<c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/>' +
    '<c:crossBetween val="between"/></c:valAx>';
  return (
    `${DECLARATION}<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${REL_NS}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${xmlText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${axes}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

function marker(col: number, row: number): string {
  return `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
}

/**
 * The drawing part (`xl/drawings/drawingN.xml`) placing a sheet's charts at their anchor cells.
 * @param charts the charts, in order
 * @param chartRelIds each chart's relationship id in the drawing's relationships
 * @returns the part's text
 * @example drawingXml([plan.chart!], ["rId1"]).includes('r:id="rId1"') // true
 */
export function drawingXml(charts: readonly PlanChart[], chartRelIds: readonly string[]): string {
  const anchors = charts.map(
    (chart, index) =>
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${marker(chart.anchorCol, chart.anchorRow)}</xdr:from>` +
      `<xdr:to>${marker(chart.anchorCol + CHART_COLS, chart.anchorRow + CHART_ROWS)}</xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="Chart ${index + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" r:id="${chartRelIds[index]}"/></a:graphicData></a:graphic>` +
      "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>",
  );
  return `${DECLARATION}<xdr:wsDr xmlns:xdr="${SHEET_DRAWING_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${REL_NS}">${anchors.join("")}</xdr:wsDr>`;
}
