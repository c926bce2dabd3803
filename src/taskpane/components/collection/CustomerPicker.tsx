/**
 * Choosing a customer from the report's customers: a combobox that narrows the list as the user
 * types (any part of the name, case aside). Names are workbook text and are shown as React text.
 */
import * as React from "react";
import { Combobox, Field, Option } from "@fluentui/react-components";

/** Props of CustomerPicker. */
export interface CustomerPickerProps {
  /** The customers to choose from, in the order shown. */
  customers: readonly string[];
  /** The customer chosen, or null. */
  value: string | null;
  onChange(customer: string | null): void;
  label: string;
  hint: string;
  noMatch: string;
  /** A problem to show under the field. */
  error?: string;
}

/**
 * The customers whose names contain the typed text (case aside); all of them for no text or the chosen name.
 * @param customers the names
 * @param text what is typed
 * @param chosen the chosen name
 * @returns the names to offer
 * @example matchingCustomers(["甲公司", "Gamma Ltd"], "gam", null) // ["Gamma Ltd"]
 */
export function matchingCustomers(customers: readonly string[], text: string, chosen: string | null): string[] {
  const query = text.trim().toLowerCase();
  if (query === "" || text === chosen) return [...customers];
  return customers.filter((customer) => customer.toLowerCase().includes(query));
}

/**
 * A searchable customer dropdown.
 * @param props the customers, the chosen one, the change handler and the words
 * @returns the field
 * @example <CustomerPicker customers={["甲公司"]} value={null} onChange={setCustomer} label="客户" hint="输入名称搜索" noMatch="没有匹配的客户" />
 */
export function CustomerPicker({ customers, value, onChange, label, hint, noMatch, error }: CustomerPickerProps): React.JSX.Element {
  const [text, setText] = React.useState(value ?? "");
  const [shownFor, setShownFor] = React.useState(value);
  // A customer chosen elsewhere (today's work) shows here too.
  if (shownFor !== value) {
    setShownFor(value);
    setText(value ?? "");
  }
  const matches = matchingCustomers(customers, text, value);
  return (
    <Field label={label} hint={hint} validationState={error ? "error" : "none"} validationMessage={error}>
      <Combobox
        value={text}
        selectedOptions={value === null ? [] : [value]}
        onChange={(event) => setText(event.target.value)}
        onOptionSelect={(_, data) => {
          const chosen = data.optionValue ?? null;
          setText(chosen ?? "");
          setShownFor(chosen);
          onChange(chosen);
        }}
      >
        {matches.map((customer) => (
          <Option key={customer} value={customer} text={customer}>
            {customer}
          </Option>
        ))}
        {matches.length === 0 ? (
          <Option disabled value="" text={noMatch}>
            {noMatch}
          </Option>
        ) : null}
      </Combobox>
    </Field>
  );
}
