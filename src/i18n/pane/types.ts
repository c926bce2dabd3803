/** The shape of the task pane's words: every label, hint and message it shows, by tab. */
import type { Lang } from "../../rules/types";

/** The pane's words. `{name}` marks a value filled in with `fillPlaceholders`. */
export interface PaneStrings {
  appTitle: string;
  tabs: { aging: string; management: string; flags: string; letters: string; settings: string; errors: string; collection: string };
  aging: {
    asOf: string;
    asOfHint: string;
    asOfInvalid: string;
    run: string;
    cancel: string;
    progress: string;
    summaryTitle: string;
    currency: string;
    customers: string;
    outstanding: string;
    overdue: string;
    overduePct: string;
    interest: string;
    goToSheet: string;
    /** `{list}` */
    written: string;
    notWritten: string;
    /** `{count}` */
    dataErrors: string;
  };
  /** The management report tab (its sheet words come from src/i18n/management). */
  management: {
    from: string;
    fromHint: string;
    fromInvalid: string;
    salesperson: string;
    everyone: string;
    salespersonHint: string;
    run: string;
    measuresTitle: string;
    /** The cash ratio against its target. */
    targetMet: string;
    targetMissed: string;
    watchTitle: string;
    noWatch: string;
    /** `{count}`, `{sheet}` */
    watchMore: string;
    chartsTitle: string;
    figures: string;
    nothingToDraw: string;
    /** `{count}`, `{sheet}` */
    dataErrors: string;
  };
  flags: {
    check: string;
    empty: string;
    hint: string;
    needAging: string;
    customer: string;
    effectiveLimit: string;
    outstanding: string;
    excess: string;
    reasons: string;
    stage: string;
    /** `{customer}` */
    selectRow: string;
  };
  letters: {
    stage: string;
    allStages: string;
    customers: string;
    preview: string;
    none: string;
    subject: string;
    copy: string;
    copied: string;
    copyFailed: string;
    writeSheet: string;
    /** `{list}` */
    written: string;
    email: string;
    noEmail: string;
    /** `{list}` */
    unknownFields: string;
    /** `{list}` */
    missingValues: string;
    /** `{customer}` */
    letterFor: string;
  };
  settings: {
    loading: string;
    buckets: string;
    bucketEdges: string;
    bucketEdgesHint: string;
    interest: string;
    dailyRate: string;
    dailyRateHint: string;
    graceDays: string;
    escalation: string;
    /** `{stage}` */
    stageFrom: string;
    /** `{stage}` */
    stageTo: string;
    stageToHint: string;
    limit: string;
    temporaryRatio: string;
    temporaryRatioHint: string;
    cuts: string;
    cutsHint: string;
    /** Red-amber-green and stop shipping. */
    rag: string;
    ragRedDays: string;
    ragAmberDays: string;
    ragAmberLimitUsed: string;
    ragAmberLimitUsedHint: string;
    stopOverdueMonths: string;
    stopMaxTotal: string;
    preDue: string;
    preDueDays: string;
    preDueDaysHint: string;
    provision: string;
    provisionMethod: string;
    provisionByAge: string;
    provisionFlat: string;
    provisionBands: string;
    provisionBandsHint: string;
    provisionFlatRate: string;
    writeOffAfterDays: string;
    writeOffInactiveDays: string;
    accountability: string;
    accountabilityEnabled: string;
    accountabilityDailyRate: string;
    badDebtShare: string;
    badDebtShareHint: string;
    company: string;
    companyName: string;
    financeContact: string;
    phone: string;
    bankName: string;
    bankAccount: string;
    templates: string;
    templateStage: string;
    templateLang: string;
    templateSubject: string;
    templateBody: string;
    /** `{list}` */
    unknownFields: string;
    mergeFields: string;
    save: string;
    saved: string;
    /** Followed by the list of values the settings sheet sets, each with its cell. */
    sheetWins: string;
    invalid: string;
    otherErrors: string;
  };
  mapping: {
    title: string;
    /** `{list}` */
    intro: string;
    none: string;
    save: string;
    fields: Record<string, string>;
  };
  errors: {
    empty: string;
    hint: string;
    sheet: string;
    row: string;
    column: string;
    message: string;
    /** `{sheet}`, `{cell}` */
    selectCell: string;
  };
  replace: {
    title: string;
    /** `{list}` */
    body: string;
    replace: string;
    keep: string;
  };
  problems: {
    title: string;
    cancelled: string;
    /** `{message}` */
    excel: string;
    next: string;
    boundary: string;
    dismiss: string;
  };
  languages: Record<Lang, string>;
  /** Between the names of a list: "、" in Chinese. */
  listSeparator: string;
  /** Between the sentences of a list of problems: "；" in Chinese. */
  clauseSeparator: string;
  /** A name quoted in running text: `{name}` */
  quoted: string;
  /** A label and its value, e.g. the accessible name "Copy: 甲公司": `{label}`, `{value}` */
  labelled: string;
}
