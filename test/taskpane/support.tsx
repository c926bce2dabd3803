/**
 * Shared pieces of the pane's component tests: a sample ledger, a MemoryAdapter with the pane's
 * extra calls recorded, a fake Office host, and a render helper.
 */
import { configure, render, type RenderResult } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MotionBehaviourProvider } from "@fluentui/react-motion";
import { MemoryAdapter } from "../../src/jobs/memory-adapter";
import { fromYmd } from "../../src/rules/dates";
import type { Lang } from "../../src/rules/types";
import type { RunOptions, WorkbookData } from "../../src/workbook/adapter-types";
import type { SheetPlan } from "../../src/workbook/plan-types";
import { App } from "../../src/taskpane/App";
import type { OfficeHost } from "../../src/taskpane/office-host";
import { PaneProvider, type PaneWorkbook } from "../../src/taskpane/pane-context";
import { sheetOf } from "../support/grid";

// The machines are shared and slow at times: give findBy*/waitFor more than the 1 s default.
configure({ asyncUtilTimeout: 10_000 });

/** 2026-11-23, the as-of date of the sample. */
export const AS_OF = fromYmd(2026, 11, 23);

/** A customer name that is markup. */
export const HOSTILE = "<img src=x onerror=alert(1)>";

/**
 * Six invoices as of 2026-11-23 (1900 serials; invoice date = due − 30):
 *   甲公司 A-001 10,000.00 due 2026-10-14 (40 days overdue), A-002 5,000 − 2,000 received due 2026-11-18 (5 days)
 *   乙公司 B-001 8,000.00 and B-002 1,200.50 − 200.50, both not due
 *   <img…> H-001 2,000.00 due 2026-11-13 (10 days) → reminder stage is "phone": no letter; H-002 1,000 due 2026-10-09 (45 days) → formal
 *   Gamma  G-001 300.00 USD due 2026-11-13 (10 days)
 * CNY: 3 customers, outstanding 25,000.00, overdue 16,000.00 (64.00 %), interest
 * 200.00 + 7.50 + 2,000 × 0.0005 × 10 = 10.00 + 1,000 × 0.0005 × 45 = 22.50 → 240.00.
 */
export function sampleWorkbook(): WorkbookData {
  const row = (customer: string, invoiceNo: string, due: number, amount: number, received: number, currency: string) => [
    customer, invoiceNo, due - 30, due, amount, received, currency,
  ];
  return {
    dateSystem: "1900",
    settings: {},
    tables: [],
    sheets: [
      sheetOf("应收台账", [
          ["客户", "发票号", "开票日期", "到期日", "金额", "已收", "币种"],
          row("甲公司", "A-001", 46309, 10000, 0, "CNY"),
          row("甲公司", "A-002", 46344, 5000, 2000, "CNY"),
          row("乙公司", "B-001", 46359, 8000, 0, "CNY"),
          row("乙公司", "B-002", 46369, 1200.5, 200.5, "CNY"),
          row(HOSTILE, "H-001", 46339, 2000, 0, "CNY"),
          row(HOSTILE, "H-002", 46304, 1000, 0, "CNY"),
          row("Gamma", "G-001", 46339, 300, 0, "USD"),
      ]),
      sheetOf("客户资料", [
          ["客户名称", "信用额度", "联系人", "邮箱"],
          ["甲公司", 20000, "李四", "ap@jia.example.com"],
          ["乙公司", 10000, "赵六", ""],
          [HOSTILE, 500, "X", ""],
          ["Gamma", 1000, "Ann", "ann@gamma.example.com"],
      ]),
    ],
  };
}

/** A MemoryAdapter with the pane's calls, each recorded. */
export class PaneMemoryWorkbook extends MemoryAdapter implements PaneWorkbook {
  readonly selected: { sheet: string; address: string }[] = [];
  readonly activated: string[] = [];
  readonly settingsWrites: Record<string, string>[] = [];
  readonly planWrites: string[][] = [];

  /** Records the plans' names, then writes them. */
  async writePlans(plans: SheetPlan[], options?: RunOptions): Promise<string[]> {
    const written = await super.writePlans(plans, options);
    this.planWrites.push(written);
    return written;
  }

  /** Records, then merges the settings. */
  async writeSettings(settings: Record<string, string>): Promise<void> {
    this.settingsWrites.push(settings);
    await super.writeSettings(settings);
  }

  /** Records the selection. */
  async selectCell(sheet: string, address: string): Promise<void> {
    this.selected.push({ sheet, address });
  }

  /** Records the activation. */
  async activateSheet(name: string): Promise<void> {
    this.activated.push(name);
  }
}

/** A fake Office host that records enableAutoShow calls. */
export function fakeHost(displayLanguage: string): OfficeHost & { autoShowCalls: number } {
  const host = {
    autoShowCalls: 0,
    displayLanguage: () => displayLanguage,
    bodyBackgroundColor: () => "#ffffff",
    enableAutoShow: async () => {
      host.autoShowCalls++;
    },
    showPane: async () => undefined,
  };
  return host;
}

/**
 * Renders the whole pane over a workbook in a language, today being 2026-11-23. Motion is skipped:
 * jsdom has no Web Animations, and a dialog caught mid-animation is hidden from the a11y tree.
 */
export function renderPane(workbook: PaneWorkbook, lang: Lang, host: OfficeHost = fakeHost(lang)): RenderResult {
  return render(
    <MotionBehaviourProvider value="skip">
      <FluentProvider theme={webLightTheme}>
        <PaneProvider workbook={workbook} host={host} lang={lang} today={AS_OF}>
          <App />
        </PaneProvider>
      </FluentProvider>
    </MotionBehaviourProvider>,
  );
}
