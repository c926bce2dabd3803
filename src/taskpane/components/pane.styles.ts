/** Shared layout styles of the pane's tabs: theme tokens only, no raw colours. */
import { makeStaticStyles, makeStyles, tokens } from "@fluentui/react-components";

/**
 * Class names for the pane's common layout pieces.
 * @example const styles = usePaneStyles(); <div className={styles.stack}>…</div>
 */
export const usePaneStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tabs: { flexWrap: "wrap" },
  table: {
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    // Narrow pane: long words wrap inside their cell instead of overlapping the next one.
    "& th, & td": { overflowWrap: "break-word" },
  },
  /** Customer names may be one long "word" (markup, formulas): break them anywhere. */
  breakAnywhere: { overflowWrap: "anywhere" },
  /** A link-button inside a table cell wraps like the cell's text. */
  cellLink: { overflowWrap: "anywhere", whiteSpace: "normal", textAlign: "start" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  letter: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  letterText: { whiteSpace: "pre-wrap", margin: 0, fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300 },
  letterTable: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      paddingTop: tokens.spacingVerticalXXS,
      paddingBottom: tokens.spacingVerticalXXS,
      paddingLeft: tokens.spacingHorizontalS,
      paddingRight: tokens.spacingHorizontalS,
    },
  },
  right: { textAlign: "right" },
  muted: { color: tokens.colorNeutralForeground3 },
  checkList: { display: "flex", flexDirection: "column" },
});

/**
 * Page-level rules: the pane fills the task-pane frame edge to edge.
 * @example usePageStyles(); // once, in App
 */
export const usePageStyles = makeStaticStyles({
  "html, body": { margin: 0, padding: 0 },
});
