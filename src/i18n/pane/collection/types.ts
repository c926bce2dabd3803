/**
 * The shape of the words of the pane's Collection tab (催收): its four views — the customer view,
 * the log-a-contact form, today's work and statements. Column names the collection log and the
 * pre-due list already have come from src/i18n/collection.ts, so the pane says what the sheet says.
 */

/** A count of days in words: `one` for 1 day, `other` for any other number (`{days}`). */
export interface DaysWords {
  one: string;
  other: string;
}

/** The Collection tab's words. `{name}` marks a value filled in with `fillPlaceholders`. */
export interface CollectionPaneStrings {
  views: { customer: string; log: string; today: string; statements: string };
  refresh: string;
  /** `{date}` */
  asOfShown: string;
  customer: string;
  customerHint: string;
  noMatch: string;
  chooseCustomer: string;
  dateInvalid: string;
  dateHint: string;
  daysLate: DaysWords;
  dueToday: string;
  daysLeft: DaysWords;
  customerView: {
    /** `{customer}`, `{currency}` */
    account: string;
    outstanding: string;
    overdue: string;
    limit: string;
    noLimit: string;
    grade: string;
    stage: string;
    noStage: string;
    /** `{stage}`, `{why}` */
    escalated: string;
    /** `{count}` */
    contactsWithoutResult: string;
    brokenPromise: string;
    flags: string;
    noFlags: string;
    /** `{amount}` */
    overLimit: string;
    /** `{reasons}` */
    stopShipping: string;
    promiseRequiredTwo: string;
    promiseRequiredThree: string;
    /** `{date}` */
    pausedUntil: string;
    invoices: string;
    noInvoices: string;
    invoiceNo: string;
    dueDate: string;
    bucket: string;
    outstandingShort: string;
    overdueDays: DaysWords;
    notDue: string;
    paused: string;
    promises: string;
    noPromises: string;
    promisedDate: string;
    promisedAmount: string;
    received: string;
    state: string;
    log: string;
    noLog: string;
    /** `{date}`, `{amount}` */
    promiseLine: string;
    /** `{date}` */
    nextActionLine: string;
    letters: string;
    draftLetters: string;
    noLetters: string;
  };
  form: {
    noOutcome: string;
    noInvoice: string;
    amountHint: string;
    promiseHint: string;
    submit: string;
    notWritten: string;
    /** `{sheet}`, `{table}`, `{row}` */
    written: string;
    created: string;
  };
  today: {
    nextActions: string;
    noNextActions: string;
    /** `{date}`, `{channel}` */
    lastContact: string;
    promises: string;
    noPromises: string;
    preDue: string;
    noPreDue: string;
    /** `{customer}` */
    openCustomer: string;
  };
  statements: {
    from: string;
    to: string;
    periodInvalid: string;
    allCustomers: string;
    someCustomers: string;
    customers: string;
    write: string;
    /** `{list}` */
    written: string;
    notWritten: string;
    none: string;
    opening: string;
    closing: string;
    outstanding: string;
  };
}
