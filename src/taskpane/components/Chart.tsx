/**
 * One small chart in plain SVG, drawn from a plan's data block (series by columns, categories by
 * rows): horizontal bars (stacked or side by side) or lines, the value axis in round steps, a legend, the title as
 * the picture's accessible name, and the figures as a text table under "show the figures". Every
 * label is React text, never markup.
 */
import * as React from "react";
import type { ChartData } from "../../workbook/plans/chart-data";
import { axisNumberFormat } from "../../workbook/plans/chart-data";
import { along, clusteredBars, fitLabel, formatNumber, lines, stackedBars, type Scale } from "../chart-layout";
import { displayWidth } from "../../rules/display";
import { BUCKET_RAMP, LINE_COLOURS, useChartStyles } from "./Chart.styles";

/** The drawing's width in SVG units; it scales to the pane's width. */
const WIDTH = 320;
/** Room of a bar's category label, in narrow characters, and its width in units. */
const LABEL_ROOM = 16;
const LABEL_WIDTH = 100;
/** Room right of the plot: half of the last tick's label ("125,000", "2026-03") centred on its line. */
const RIGHT_ROOM = 24;
/** Height of one bar's row. */
const BAR_ROW = 24;
/** Units per narrow character at the charts' font size, to lay out the legend. */
const CHAR_UNITS = 5.6;

/** Props of Chart. */
export interface ChartProps {
  data: ChartData;
  /** The words of the text table's toggle ("Show the figures"). */
  figuresLabel: string;
  /** What shows instead of a picture when there is nothing to draw. */
  emptyLabel: string;
}

type Styles = ReturnType<typeof useChartStyles>;

/** The colour of series `index` of `count`: stacked bars (aging buckets) along the bucket ramp (the last always the darkest), others by turn. */
function seriesColour(type: ChartData["type"], index: number, count: number): string {
  if (type !== "barStacked") return LINE_COLOURS[index % LINE_COLOURS.length];
  const ramp = BUCKET_RAMP.length;
  return BUCKET_RAMP[count <= ramp ? ramp - count + index : Math.round((index * (ramp - 1)) / (count - 1))];
}

/** The legend under the plot: a swatch and each series' name, wrapping to new rows. */
function legendOf({ data, top, styles }: { data: ChartData; top: number; styles: Styles }): { element: React.JSX.Element; height: number } {
  let x = 0;
  let row = 0;
  const items = data.series.map((series, index) => {
    const name = fitLabel(series.name, 24);
    const width = 16 + displayWidth(name) * CHAR_UNITS + 10;
    if (x > 0 && x + width > WIDTH) {
      x = 0;
      row++;
    }
    const item = (
      <g key={index} transform={`translate(${x} ${top + row * 16})`}>
        <rect width={10} height={10} y={1} style={{ fill: seriesColour(data.type, index, data.series.length) }} />
        <text x={14} y={10} className={styles.text}>
          {name}
        </text>
      </g>
    );
    x += width;
    return item;
  });
  return { element: <g>{items}</g>, height: (row + 1) * 16 };
}

/** Gridlines and tick labels of a value axis running across (bars) or up (lines), from `from` to `to` the other way. */
function ValueAxis({ scale, format, across, start, length, from, to, styles }: { scale: Scale; format: string; across: boolean; start: number; length: number; from: number; to: number; styles: Styles }): React.JSX.Element {
  return (
    <g>
      {scale.ticks.map((tick) => {
        const at = across ? along(tick, scale, start, length) : start + length - along(tick, scale, 0, length);
        const [x1, x2, y1, y2] = across ? [at, at, from, to] : [from, to, at, at];
        return (
          <g key={tick}>
            <line x1={x1} x2={x2} y1={y1} y2={y2} className={tick === 0 ? styles.axis : styles.grid} />
            <text x={across ? at : from - 4} y={across ? from - 4 : at + 3} textAnchor={across ? "middle" : "end"} className={styles.text}>
              {formatNumber(tick, format)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** The bars, stacked or side by side: labels left, one row per category, each bar with its figure as a tooltip. */
function barsOf({ data, styles }: { data: ChartData; styles: Styles }): { body: React.JSX.Element; height: number } {
  // Side by side, a row holds every series' bar: it grows with them.
  const row = data.type === "bar" ? BAR_ROW * Math.max(1, data.series.length / 2) : BAR_ROW;
  const plot = { left: LABEL_WIDTH, top: 20, width: WIDTH - LABEL_WIDTH - RIGHT_ROOM, height: row * data.categories.length };
  const { scale, segments } = data.type === "bar" ? clusteredBars(data, plot) : stackedBars(data, plot);
  const legend = legendOf({ data, top: plot.top + plot.height + 10, styles });
  const body = (
    <>
      <ValueAxis scale={scale} format={axisNumberFormat(data.numberFormat)} across start={plot.left} length={plot.width} from={plot.top} to={plot.top + plot.height} styles={styles} />
      {data.categories.map((category, index) => (
        <g key={index}>
          <title>{category}</title>
          <text x={plot.left - 6} y={plot.top + row * index + row / 2 + 3} textAnchor="end" className={styles.text}>
            {fitLabel(category, LABEL_ROOM)}
          </text>
        </g>
      ))}
      {segments.map((segment) => (
        <rect
          key={`${segment.category}-${segment.series}`}
          x={segment.x}
          y={segment.y}
          width={segment.width}
          height={segment.height}
          style={{ fill: seriesColour(data.type, segment.series, data.series.length) }}
          data-category={segment.category}
          data-series={segment.series}
          data-value={segment.value}
        >
          <title>{`${data.categories[segment.category]} · ${data.series[segment.series].name}: ${formatNumber(segment.value, data.numberFormat)}`}</title>
        </rect>
      ))}
      {legend.element}
    </>
  );
  return { body, height: plot.top + plot.height + 10 + legend.height };
}

/** The lines: values up the left, a few category labels along the bottom, a dot at each value. */
function linesOf({ data, styles }: { data: ChartData; styles: Styles }): { body: React.JSX.Element; height: number } {
  const plot = { left: 40, top: 10, width: WIDTH - 40 - RIGHT_ROOM, height: 120 };
  const shape = lines(data, plot);
  const count = data.categories.length;
  const every = Math.max(1, Math.ceil(count / 4));
  const legend = legendOf({ data, top: plot.top + plot.height + 26, styles });
  const body = (
    <>
      <ValueAxis scale={shape.scale} format={axisNumberFormat(data.numberFormat)} across={false} start={plot.top} length={plot.height} from={plot.left} to={plot.left + plot.width} styles={styles} />
      {data.categories.map((category, index) =>
        (count - 1 - index) % every === 0 ? (
          <text key={index} x={plot.left + (count <= 1 ? plot.width / 2 : (index * plot.width) / (count - 1))} y={plot.top + plot.height + 14} textAnchor="middle" className={styles.text}>
            {/^\d{4}-\d{2}-\d{2}$/.test(category) ? category.slice(0, 7) : fitLabel(category, 10)}
          </text>
        ) : null,
      )}
      {shape.lines.map((line) => {
        const colour = seriesColour(data.type, line.series, data.series.length);
        return (
          <g key={line.series}>
            <path d={line.path} className={styles.line} style={{ stroke: colour }} />
            {line.points.map((point) => (
              <circle key={point.category} cx={point.x} cy={point.y} r={2.5} style={{ fill: colour }} data-category={point.category} data-series={line.series} data-value={point.value}>
                <title>{`${data.categories[point.category]} · ${data.series[line.series].name}: ${formatNumber(point.value, data.numberFormat)}`}</title>
              </circle>
            ))}
          </g>
        );
      })}
      {legend.element}
    </>
  );
  return { body, height: plot.top + plot.height + 26 + legend.height };
}

/**
 * A chart with its title, its picture and its figures as a table.
 * @param props the data, the words of the figures' toggle and of an empty chart
 * @returns the figure
 * @example <Chart data={chartData(plan)!} figuresLabel="Show the figures" emptyLabel="Nothing to draw." />
 */
export function Chart({ data, figuresLabel, emptyLabel }: ChartProps): React.JSX.Element {
  const styles = useChartStyles();
  const captionId = React.useId();
  const empty = data.categories.length === 0 || data.series.length === 0;
  const drawing = empty ? null : data.type === "line" ? linesOf({ data, styles }) : barsOf({ data, styles });
  return (
    <figure className={styles.figure} aria-labelledby={captionId}>
      <figcaption id={captionId} className={styles.caption}>
        {data.title}
      </figcaption>
      {drawing === null ? (
        <span>{emptyLabel}</span>
      ) : (
        <svg role="img" aria-labelledby={captionId} viewBox={`0 0 ${WIDTH} ${drawing.height}`} className={styles.svg} data-chart={data.type}>
          {drawing.body}
        </svg>
      )}
      {empty ? null : (
        <details className={styles.figures}>
          <summary className={styles.summary}>{figuresLabel}</summary>
          <table className={styles.table} aria-labelledby={captionId}>
            <thead>
              <tr>
                <td />
                {data.series.map((series, index) => (
                  <th key={index} scope="col">
                    {series.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.categories.map((category, row) => (
                <tr key={row}>
                  <th scope="row">{category}</th>
                  {data.series.map((series, index) => (
                    <td key={index}>{series.values[row] === null ? "—" : formatNumber(series.values[row] as number, data.numberFormat)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
