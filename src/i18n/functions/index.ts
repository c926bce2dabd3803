/** The worksheet functions' #VALUE! messages in each language, and the one function that renders them. */
import type { Lang } from "../../rules/types";
import { problemText } from "../messages";
import { FUNCTION_TEXTS_EN } from "./en";
import type { FunctionMessageCode, FunctionTexts, NestedProblem } from "./types";
import { FUNCTION_TEXTS_ZH_CN } from "./zh-CN";
import { FUNCTION_TEXTS_ZH_TW } from "./zh-TW";

export type { ArgumentShown, FunctionMessageCode, FunctionMessageParams, NestedProblem } from "./types";

/**
 * The function messages by language.
 * @example FUNCTION_TEXTS["zh-TW"]["arg.dueDateBlank"]({}, "") // "到期日為空白"
 */
export const FUNCTION_TEXTS: Record<Lang, FunctionTexts> = { "zh-CN": FUNCTION_TEXTS_ZH_CN, "zh-TW": FUNCTION_TEXTS_ZH_TW, en: FUNCTION_TEXTS_EN };

/**
 * Whether a code is one of the functions' own (else it is a rule's or a reader's).
 * @param code a problem's code
 * @returns true for "arg.*" codes the catalogue has
 * @example isFunctionMessageCode("arg.notANumber") // true
 */
export function isFunctionMessageCode(code: string): code is FunctionMessageCode {
  return Object.hasOwn(FUNCTION_TEXTS_EN, code);
}

/**
 * The words of a function's argument problem in a language; a rule's problem (a date that does
 * not exist, bucket edges out of order) through the problem messages.
 * @param problem the code and the values it names
 * @param lang the reader's language
 * @returns the message, no final full stop
 * @example functionProblemText({ code: "arg.atRow", params: { row: 3, inner: { code: "arg.notANumber", params: { shown: { text: "x" } } } } }, "en") // "row 3: \"x\" is not a number"
 */
export function functionProblemText(problem: NestedProblem, lang: Lang): string {
  if (!isFunctionMessageCode(problem.code)) return problemText(problem, lang);
  const params = problem.params as { inner?: NestedProblem };
  const inner = params.inner === undefined ? "" : functionProblemText(params.inner, lang);
  return (FUNCTION_TEXTS[lang][problem.code] as (params: unknown, inner: string) => string)(params, inner);
}
