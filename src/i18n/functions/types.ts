/**
 * The shape of the worksheet functions' #VALUE! messages in one language: a sentence for every
 * code the argument readers of src/functions return. Rule problems met on the way (a date that
 * does not exist, bucket edges out of order) keep their own codes and words in src/i18n/messages.
 */

/** A value shown in a message: text as typed (quoted), a number's or TRUE's spelling, or any other value. */
export type ArgumentShown = { text: string } | { value: string } | { other: true };

/** A problem inside a message (a rule's, or another function message), rendered in the same language. */
export interface NestedProblem {
  code: string;
  params: unknown;
}

/** The values each message names, by code. */
export interface FunctionMessageParams {
  "arg.notADate": { shown: ArgumentShown };
  "arg.notANumber": { shown: ArgumentShown };
  "arg.tooManyDecimals": { shown: ArgumentShown; max: number };
  "arg.negativeRate": { value: string };
  "arg.notACount": { shown: ArgumentShown };
  "arg.notWholeDays": { shown: ArgumentShown };
  "arg.notPositive": { shown: ArgumentShown };
  "arg.notALanguage": { shown: ArgumentShown };
  "arg.shape": { rows: number; cols: number; mainRows: number; mainCols: number };
  "arg.rowsPerMain": { rows: number; mainRows: number };
  "arg.bucketEdges": { inner: NestedProblem };
  "arg.blank": Record<string, never>;
  "arg.dueDateBlank": Record<string, never>;
  "arg.ageBlank": Record<string, never>;
  "arg.notAGrade": { shown: ArgumentShown };
  "arg.negativeAmount": { value: string };
  "arg.temporaryOverMax": { temporary: string; percent: string; fixed: string };
  "arg.unknownBucket": { shown: ArgumentShown; labels: readonly string[] };
  "arg.paymentDateBlank": { position: number };
  "arg.paymentAmountBlank": { position: number };
  "arg.monthBlank": { month: number };
  "arg.atRow": { row: number; inner: NestedProblem };
  "arg.defect": { detail: string };
}

/** Every code a function message exists for. */
export type FunctionMessageCode = keyof FunctionMessageParams;

/** One sentence per code, from the values it names and the nested problem's words; no final full stop. */
export type FunctionTexts = { readonly [C in FunctionMessageCode]: (params: FunctionMessageParams[C], inner: string) => string };
