/** Shared helpers for the custom-function tests: the CustomFunctions stand-in and error matchers. */
import { CustomFunctionsError } from "../support/custom-functions";

/** The cell as an Excel error, failing the test when it is not one. */
export function asError(cell: unknown): CustomFunctionsError {
  if (!(cell instanceof CustomFunctionsError)) throw new Error(`expected an Excel error, got ${JSON.stringify(cell)}`);
  return cell;
}

/** What a call threw, failing the test when it did not throw. */
export function thrown(call: () => unknown): CustomFunctionsError {
  try {
    call();
  } catch (error) {
    return asError(error);
  }
  throw new Error("expected the call to throw an Excel error");
}

/** What an async call rejected with, failing the test when it resolved. */
export async function rejected(call: Promise<unknown>): Promise<CustomFunctionsError> {
  try {
    await call;
  } catch (error) {
    return asError(error);
  }
  throw new Error("expected the call to reject with an Excel error");
}
