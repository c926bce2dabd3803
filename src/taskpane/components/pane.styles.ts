/** Shared layout styles of the pane's tabs: theme tokens only, no raw colours. */
import { makeStyles, tokens } from "@fluentui/react-components";

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
  table: { width: "100%", fontSize: tokens.fontSizeBase200 },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
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
