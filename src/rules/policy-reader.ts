/**
 * Reading the fields of a policy's JSON form one by one: each bad field is recorded with its path
 * as a code with values, and the caller keeps the default for it, so one typo never loses the rest.
 */
import { Dec, type Decimal } from "./decimal";
import type { RuleErrorCode, RuleErrorParams } from "./errors";
import type { PolicyError } from "./policy-json";

/** Reads fields of a JSON object, recording each bad one with its path; the default stays for it. */
export class PolicyReader {
  readonly errors: PolicyError[] = [];

  fail<C extends RuleErrorCode>(field: string, code: C, params: RuleErrorParams[C]): undefined {
    this.errors.push({ field, code, params } as PolicyError);
    return undefined;
  }

  /** The sub-object at `field`, undefined (and an error) when it is not an object. */
  object(value: unknown, field: string): Record<string, unknown> | undefined {
    if (value === undefined) return undefined;
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      return this.fail(field, "policy.notObject", { value: show(value) });
    }
    return value as Record<string, unknown>;
  }

  integer(value: unknown, field: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
    if (value === undefined) return fallback;
    const parsed = parseInteger(value);
    if (parsed === undefined) {
      this.fail(field, parseNumber(value) === undefined ? "policy.notANumber" : "policy.notAnInteger", { value: show(value) });
      return fallback;
    }
    if (parsed < min || parsed > max) {
      if (max === Number.MAX_SAFE_INTEGER) this.fail(field, "policy.wholeAtLeast", { value: show(value), min });
      else this.fail(field, "policy.wholeBetween", { value: show(value), min, max });
      return fallback;
    }
    return parsed;
  }

  decimal(value: unknown, field: string, fallback: Decimal, min: string, max: string | null): Decimal {
    if (value === undefined) return fallback;
    const parsed = parseNumber(value);
    if (parsed === undefined) {
      this.fail(field, "policy.notANumber", { value: show(value) });
      return fallback;
    }
    if (parsed.lessThan(min) || (max !== null && parsed.greaterThan(max))) {
      if (max === null) this.fail(field, "policy.atLeast", { value: show(value), min });
      else this.fail(field, "policy.between", { value: show(value), min, max });
      return fallback;
    }
    return parsed;
  }

  choice<T extends string | null>(value: unknown, field: string, fallback: T, choices: readonly T[]): T {
    if (value === undefined) return fallback;
    const found = choices.find((c) => c === value);
    if (found === undefined) {
      this.fail(field, "policy.choice", { value: show(value), choices: choices.map(String) });
      return fallback;
    }
    return found;
  }

  boolean(value: unknown, field: string, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value !== "boolean") {
      this.fail(field, "policy.notTrueFalse", { value: show(value) });
      return fallback;
    }
    return value;
  }

  text(value: unknown, field: string, fallback: string): string {
    if (value === undefined) return fallback;
    if (typeof value !== "string") {
      this.fail(field, "policy.notText", { value: show(value) });
      return fallback;
    }
    return value;
  }

  list(value: unknown, field: string): unknown[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return this.fail(field, "policy.notList", { value: show(value) });
    return value;
  }
}

export function show(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}


const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_TEXT = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** A decimal from JSON: a finite number, or text such as "0.0005", "50%", "0.5‰", "200,000". */
export function parseNumber(value: unknown): Decimal | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? new Dec(String(value)) : undefined;
  if (typeof value !== "string") return undefined;
  let text = value.trim();
  let scale = 1;
  if (text.endsWith("%")) [text, scale] = [text.slice(0, -1).trim(), 100];
  else if (text.endsWith("‰")) [text, scale] = [text.slice(0, -1).trim(), 1000];
  if (GROUPED_TEXT.test(text)) text = text.replace(/,/g, "");
  if (!NUMBER_TEXT.test(text)) return undefined;
  return new Dec(text).dividedBy(scale);
}

export function parseInteger(value: unknown): number | undefined {
  const parsed = parseNumber(value);
  if (parsed === undefined || !parsed.isInteger() || parsed.abs().greaterThan(Number.MAX_SAFE_INTEGER)) return undefined;
  return parsed.toNumber();
}
