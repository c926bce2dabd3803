/** Layout styles of the Collection tab's views, for a task pane 320–350 px wide: theme tokens only. */
import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * Class names of the Collection tab's pieces.
 * @example const styles = useCollectionStyles(); <dl className={styles.facts}>…</dl>
 */
export const useCollectionStyles = makeStyles({
  /** Label and value side by side; the value wraps within the pane. */
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    "& dt": { color: tokens.colorNeutralForeground3 },
    "& dd": { margin: 0, overflowWrap: "anywhere" },
  },
  /** A list of entries (contacts, notices), one under another with a rule between. */
  entries: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    "& > li": {
      display: "flex",
      flexDirection: "column",
      gap: tokens.spacingVerticalXXS,
      paddingTop: tokens.spacingVerticalXS,
      paddingBottom: tokens.spacingVerticalXS,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      fontSize: tokens.fontSizeBase200,
      overflowWrap: "anywhere",
    },
  },
  account: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  /** Form fields take the pane's whole width. */
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  /** Two fields side by side, each control as wide as its half (Fluent inputs have a wider natural size). */
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    alignItems: "start",
    gap: tokens.spacingHorizontalS,
    "& .fui-Input, & .fui-Select, & .fui-Combobox": { minWidth: 0, width: "100%", boxSizing: "border-box" },
    "& input": { minWidth: 0, width: "100%" },
  },
  nowrap: { whiteSpace: "nowrap" },
  flag: { color: tokens.colorPaletteRedForeground1 },
  scrollList: { maxHeight: "240px", overflowY: "auto", display: "flex", flexDirection: "column" },
});
