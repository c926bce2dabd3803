/** Styles of the red / amber / green marks: a swatch beside the colour's word, theme tokens only. */
import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * Class names of a mark and of each colour's swatch.
 * @example const styles = useRagStyles(); <span className={mergeClasses(styles.swatch, styles.red)} />
 */
export const useRagStyles = makeStyles({
  mark: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, whiteSpace: "nowrap" },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  red: { backgroundColor: tokens.colorPaletteRedBackground3 },
  amber: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  green: { backgroundColor: tokens.colorPaletteGreenBackground3 },
});
