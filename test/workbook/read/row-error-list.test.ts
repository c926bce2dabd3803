import type { RowError } from "../../../src/rules/types";
import { DEFAULT_MAX_ERRORS, RowErrorList } from "../../../src/workbook/read/row-error-list";

const problem = (row: number): RowError => ({ sheet: "AR", row, column: "C", code: "amount.blank", params: {}, outcome: "rowSkipped" });

describe("RowErrorList", () => {
  it("lists every error up to the limit, unchanged", () => {
    const errors = new RowErrorList(3);
    [2, 3].forEach((row) => errors.add(problem(row)));
    expect(errors.finish({ sheet: "AR", row: 1 })).toEqual([problem(2), problem(3)]);
  });

  it("counts the errors past the limit in one closing entry at the given place", () => {
    const errors = new RowErrorList(2);
    [2, 3, 4, 5, 6].forEach((row) => errors.add(problem(row)));
    expect(errors.finish({ sheet: "AR", row: 1 })).toEqual([problem(2), problem(3), { sheet: "AR", row: 1, column: "A", code: "errors.truncated", params: { count: 3 } }]);
  });

  it("lists a thousand by default", () => {
    expect(DEFAULT_MAX_ERRORS).toBe(1000);
  });
});
