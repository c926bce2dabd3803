/**
 * Installs the Excel stand-in as the page's `Excel` and `Office` before the pane's bootstrap runs.
 * `?lang=` sets Office's display language, `?theme=dark` a dark Office theme. The stand-in's
 * recorded state and the document settings are exposed on `window.__arTest` for the tests.
 * `?workbook=bench&invoices=100000&customers=1000` loads the benchmark ledger (bench-workbook.ts,
 * scripts/bench-pane.ts) instead of the sample; `?workbook=management` loads the management
 * scenario (test/support/management-standin.ts); without either the sample is used. The ribbon's
 * handlers (the commands bundle's) are kept on the handle, for a test to press a button.
 */
import { createExcelHost, type StandInHost, type WorkbookSpec } from "../support/excel-standin";
import { scenarioSpec } from "../support/management-standin";
import { benchSpec } from "./bench-workbook";
import { sampleSpec } from "./sample-workbook";

/** What the tests read back from the page. */
export interface ArTestHandle {
  host: StandInHost;
  documentSettings: Record<string, unknown>;
  documentSaves: number;
  panesShown: number;
  /** The ribbon's handlers, as the commands bundle associated them with Office.actions. */
  ribbon: Record<string, (event: { completed(): void }) => unknown>;
}

const params = new URLSearchParams(window.location.search);

/** A positive whole number from the query, else the fallback. */
function countParam(name: string, fallback: number): number {
  const value = Number(params.get(name) ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function workbookSpec(): WorkbookSpec {
  if (params.get("workbook") === "management") return scenarioSpec();
  if (params.get("workbook") !== "bench") return sampleSpec();
  return benchSpec(countParam("invoices", 100_000), countParam("customers", 1_000));
}

const { Excel, Office: standInOffice, host } = createExcelHost(workbookSpec());
const handle: ArTestHandle = { host, documentSettings: {}, documentSaves: 0, panesShown: 0, ribbon: {} };

const office = {
  ...standInOffice,
  context: {
    ...standInOffice.context,
    displayLanguage: params.get("lang") ?? "zh-CN",
    officeTheme: { bodyBackgroundColor: params.get("theme") === "dark" ? "#262626" : "#ffffff" },
    document: {
      settings: {
        get: (name: string) => (name in handle.documentSettings ? handle.documentSettings[name] : null),
        set: (name: string, value: unknown) => {
          handle.documentSettings[name] = value;
        },
        saveAsync: (callback?: (result: { status: string }) => void) => {
          handle.documentSaves++;
          callback?.({ status: "succeeded" });
        },
      },
    },
  },
  addin: {
    showAsTaskpane: async () => {
      handle.panesShown++;
    },
  },
  actions: {
    associate: (name: string, handler: (event: { completed(): void }) => unknown) => {
      handle.ribbon[name] = handler;
    },
  },
};

Object.assign(window, { Excel, Office: office, __arTest: handle });
