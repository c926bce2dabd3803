/**
 * The rules module's public surface: pure receivables rules, no I/O, no clock.
 * A barrel only: every export lives in its own module.
 * @example import { buildReport, DEFAULT_POLICY, fromYmd } from "../rules";
 */
export * from "./types";
export * from "./policy-types";
export * from "./money";
export * from "./decimal";
export * from "./fifo-order";
export * from "./errors";
export * from "./dates";
export * from "./policy";
export * from "./policy-json";
export * from "./ledger";
export * from "./aging";
export * from "./interest";
export * from "./grade";
export * from "./limit";
export * from "./stop-shipping";
export * from "./escalation";
export * from "./provision";
export * from "./measures";
export * from "./report";
export * from "./accounts";
export * from "./promises";
export * from "./promise-pause";
export * from "./promise-required";
export * from "./collection-stage";
export * from "./collection";
export * from "./pre-due";
export * from "./today";
export * from "./statement";
export * from "./contact";
export * from "./management-types";
export * from "./aging-snapshot";
export * from "./owners";
export * from "./rag";
export * from "./period-dates";
export * from "./period-flows";
export * from "./receivables-history";
export * from "./measures-series";
export * from "./period-measures";
export * from "./subtotals";
export * from "./accountability";
export * from "./month-over-month";
export * from "./management";
export * from "./letters";
