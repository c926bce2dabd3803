/**
 * Something per customer account, found by the customer and currency as a row writes them: the
 * customer trimmed, the policy's currency when a row names none — the accounts applyLedger groups.
 * Two levels of maps keyed by the row's own strings, so a lookup hashes no new string.
 */

/** Values by customer account; `of` makes the value of an account on first use. */
export class AccountIndex<T> {
  private readonly byCustomer = new Map<string, Map<string, T>>();

  /**
   * @param defaultCurrency the currency of rows that name none
   * @param make the value of a new account
   */
  constructor(
    private readonly defaultCurrency: string,
    private readonly make: (customer: string, currency: string) => T,
  ) {}

  /**
   * The value of an account, made on first use.
   * @param customer the customer as a row writes it
   * @param currency the row's currency ("" for none)
   * @returns the account's value
   * @example new AccountIndex("CNY", () => ({ n: 0 })).of(" 甲公司", "").n // 0
   */
  of(customer: string, currency: string): T {
    let byCurrency = this.byCustomer.get(customer);
    if (byCurrency === undefined) {
      const trimmed = customer.trim();
      byCurrency = this.byCustomer.get(trimmed);
      if (byCurrency === undefined) this.byCustomer.set(trimmed, (byCurrency = new Map()));
      // The untrimmed spelling finds the same accounts next time without trimming.
      if (trimmed !== customer) this.byCustomer.set(customer, byCurrency);
    }
    const code = currency ? currency : this.defaultCurrency;
    let value = byCurrency.get(code);
    if (value === undefined) byCurrency.set(code, (value = this.make(customer.trim(), code)));
    return value;
  }

  /**
   * The value of an account if it has one.
   * @param customer the customer (trimmed or not)
   * @param currency the currency ("" for the default)
   * @returns the value, or undefined
   * @example index.get("甲公司", "CNY") // the value `of(" 甲公司", "")` made
   */
  get(customer: string, currency: string): T | undefined {
    const byCurrency = this.byCustomer.get(customer) ?? this.byCustomer.get(customer.trim());
    return byCurrency?.get(currency ? currency : this.defaultCurrency);
  }

  /**
   * Every account's value, each once, in the order the accounts were first met.
   * @returns the values
   * @example [...index.values()].length // number of accounts
   */
  values(): T[] {
    const seen = new Set<Map<string, T>>();
    const values: T[] = [];
    for (const byCurrency of this.byCustomer.values()) {
      if (seen.has(byCurrency)) continue;
      seen.add(byCurrency);
      values.push(...byCurrency.values());
    }
    return values;
  }
}
