/** A cell as Excel sends it (a value and its value type) turned into the plain CellValue the readers take. */
import type { CellValue } from "../adapter-types";

/**
 * The plain value of a cell: an error as `{ error }`, an empty cell as null.
 * @param value the cell's value as loaded
 * @param type its value type ("Double", "String", "Error", "Empty", …)
 * @returns the cell
 * @example toCell("#N/A", "Error") // { error: "#N/A" }; toCell("", "Empty") // null
 */
export function toCell(value: unknown, type: string): CellValue {
  if (type === "Error") return { error: String(value) };
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}
