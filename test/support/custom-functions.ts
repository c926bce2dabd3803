/**
 * A minimal stand-in for Excel's `CustomFunctions` global (Error and ErrorCode only), so the
 * custom functions can be called in jest exactly as Excel calls them. Import it before them.
 */

/** The error codes of CustomFunctions.ErrorCode, with the values Excel shows. */
export enum ErrorCode {
  invalidValue = "#VALUE!",
  notAvailable = "#N/A",
  divisionByZero = "#DIV/0!",
  invalidNumber = "#NUM!",
  nullReference = "#NULL!",
  invalidName = "#NAME?",
  invalidReference = "#REF!",
}

/** Same shape as CustomFunctions.Error: a code and an optional message. */
export class CustomFunctionsError {
  /** The error shown in the cell, e.g. "#VALUE!". */
  code: ErrorCode;
  /** The message shown in the error indicator menu. */
  message?: string;

  /**
   * @param code - which Excel error
   * @param message - the message (only #VALUE! and #N/A show one)
   */
  constructor(code: ErrorCode, message?: string) {
    this.code = code;
    this.message = message;
  }
}

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode,
  associate: () => undefined,
};
