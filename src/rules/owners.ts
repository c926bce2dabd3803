/**
 * Whose customer is it: the salesperson (业务员) and region (区域) of each customer, and the ledger
 * narrowed to one salesperson's customers. The customers table decides; without it, the latest
 * invoice naming one.
 */
import type { Owner } from "./management-types";
import type { CustomerInfo, Ledger } from "./types";

/** The latest naming of a field seen so far for one customer. */
interface Naming {
  name: string;
  /** The invoice date it came with (−Infinity for an undated invoice). */
  day: number;
}

/** Keeps the naming of the latest invoice; a later row wins a tie. */
function remember(namings: Map<string, Naming>, customer: string, name: string | undefined, day: number): void {
  const trimmed = name?.trim() ?? "";
  if (trimmed === "") return;
  const known = namings.get(customer);
  if (known === undefined || day >= known.day) namings.set(customer, { name: trimmed, day });
}

/**
 * The owner of a customer by trimmed name: the customers table's salesperson and region when it
 * names them (its first row of the customer), else those of the customer's latest invoice (by
 * invoice date, a later row winning a tie) that names them; "" when nothing does. Only invoices
 * naming someone are looked at, so a ledger without those columns costs one pass that reads two
 * fields per invoice; a report asks once per account.
 * @param ledger the whole ledger
 * @returns the lookup (a new Owner per call)
 * @example ownerLookup(ledger)("甲公司") // { salesperson: "李四", region: "" }
 */
export function ownerLookup(ledger: Ledger): (customer: string) => Owner {
  const salespeople = new Map<string, Naming>();
  const regions = new Map<string, Naming>();
  // Indexed: a loop run once over a million invoices is mostly run before V8 optimises it, where
  // for…of steps an iterator (ledger.ts applyLedgerEach).
  const invoices = ledger.invoices;
  for (let i = 0; i < invoices.length; i++) {
    const invoice = invoices[i];
    if (invoice.salesperson === undefined && invoice.region === undefined) continue;
    const customer = invoice.customer.trim();
    const day = invoice.invoiceDate ?? -Infinity;
    remember(salespeople, customer, invoice.salesperson, day);
    remember(regions, customer, invoice.region, day);
  }
  const table = new Map<string, CustomerInfo>();
  for (const info of ledger.customers) {
    const customer = info.name.trim();
    if (!table.has(customer)) table.set(customer, info);
  }
  return (customer) => {
    const info = table.get(customer);
    const salesperson = info?.salesperson?.trim() ?? "";
    const region = info?.region?.trim() ?? "";
    return {
      salesperson: salesperson === "" ? (salespeople.get(customer)?.name ?? "") : salesperson,
      region: region === "" ? (regions.get(customer)?.name ?? "") : region,
    };
  };
}

/**
 * The salesperson and region of every customer of a ledger (its invoices, payments and customers
 * table), by trimmed name, as ownerLookup gives them.
 * @param ledger the whole ledger
 * @returns one owner per customer name (trimmed), the same for all its currencies
 * @example
 * // invoices of 甲公司 by 张三 (2026-01-05) then 李四 (2026-02-10), no customers table
 * customerOwners(ledger).get("甲公司") // { salesperson: "李四", region: "" }
 */
export function customerOwners(ledger: Ledger): Map<string, Owner> {
  const ownerOf = ownerLookup(ledger);
  const owners = new Map<string, Owner>();
  for (const rows of [ledger.invoices, ledger.payments]) {
    for (const row of rows) {
      const customer = row.customer.trim();
      if (!owners.has(customer)) owners.set(customer, ownerOf(customer));
    }
  }
  for (const info of ledger.customers) {
    const customer = info.name.trim();
    if (!owners.has(customer)) owners.set(customer, ownerOf(customer));
  }
  return owners;
}

/** A name as compared when narrowing the view: width, spacing at the ends and case do not matter. */
function nameKey(name: string): string {
  return name.normalize("NFKC").trim().toLowerCase();
}

/**
 * The salespeople a ledger names, each once, sorted.
 * @param owners from customerOwners
 * @returns the names ("" left out)
 * @example salespeopleOf(new Map([["甲", { salesperson: "张三", region: "" }], ["乙", { salesperson: "", region: "" }]])) // ["张三"]
 */
export function salespeopleOf(owners: ReadonlyMap<string, Owner>): string[] {
  const names = new Set<string>();
  for (const owner of owners.values()) if (owner.salesperson !== "") names.add(owner.salesperson);
  return [...names].sort();
}

/**
 * The ledger narrowed to one salesperson's customers: their invoices, payments, promises and
 * customers-table rows, nothing else. Names compare without regard to width or case.
 * @param ledger the whole ledger
 * @param owners from customerOwners(ledger)
 * @param salesperson the name asked for
 * @returns a new ledger (the rows themselves are shared, not copied)
 * @example ledgerOfSalesperson(ledger, customerOwners(ledger), "张三").invoices.length // 2
 */
export function ledgerOfSalesperson(ledger: Ledger, owners: ReadonlyMap<string, Owner>, salesperson: string): Ledger {
  const wanted = nameKey(salesperson);
  const mine = (customer: string): boolean => nameKey(owners.get(customer.trim())?.salesperson ?? "") === wanted;
  const narrowed: Ledger = {
    scale: ledger.scale,
    invoices: ledger.invoices.filter((invoice) => mine(invoice.customer)),
    payments: ledger.payments.filter((payment) => mine(payment.customer)),
    customers: ledger.customers.filter((info) => mine(info.name)),
  };
  if (ledger.promises !== undefined) narrowed.promises = ledger.promises.filter((promise) => mine(promise.customer));
  return narrowed;
}
