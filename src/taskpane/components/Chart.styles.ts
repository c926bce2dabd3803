/** Styles of the pane's small charts: theme tokens only, so they follow the light and dark Office themes. */
import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * Series colours of a stacked bar of aging buckets, youngest to oldest: the last series always
 * takes the last colour, so "over 90 days" is the darkest red with or without "not due". Tokens,
 * given to each series as an inline fill: which colour a series takes is data.
 */
export const BUCKET_RAMP = [
  tokens.colorPaletteGreenBorderActive,
  tokens.colorPaletteMarigoldBorderActive,
  tokens.colorPaletteDarkOrangeBorderActive,
  tokens.colorPaletteRedBorderActive,
  tokens.colorPaletteDarkRedBorderActive,
];
/** Series colours of lines (one per currency) and of bars side by side, by turn. */
export const LINE_COLOURS = [tokens.colorPaletteBlueBorderActive, tokens.colorPaletteDarkOrangeBorderActive, tokens.colorPaletteTealBorderActive, tokens.colorPaletteGrapeBorderActive];

/**
 * Class names of the chart's parts.
 * @example const styles = useChartStyles(); <text className={styles.text}>CNY</text>
 */
export const useChartStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  caption: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  text: { fill: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyBase, fontSize: "10px" },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  line: { fill: "none", strokeWidth: 2, strokeLinejoin: "round" },
  figures: { fontSize: tokens.fontSizeBase200 },
  summary: { cursor: "pointer", color: tokens.colorBrandForegroundLink },
  table: {
    borderCollapse: "collapse",
    marginTop: tokens.spacingVerticalXS,
    "& th, & td": {
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      paddingLeft: tokens.spacingHorizontalXS,
      paddingRight: tokens.spacingHorizontalXS,
      overflowWrap: "anywhere",
    },
    "& td": { textAlign: "right", fontVariantNumeric: "tabular-nums" },
    "& th[scope=row]": { textAlign: "start", fontWeight: tokens.fontWeightRegular },
  },
});
