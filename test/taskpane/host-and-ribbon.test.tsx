/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { runAgingFromRibbon, subscribeRibbonNotices, type RibbonNotice } from "../../src/commands/ribbon";
import { MemoryAdapter } from "../../src/jobs/memory-adapter";
import { fromYmd } from "../../src/rules/dates";
import { mailtoLink } from "../../src/taskpane/letter-output";
import { AUTO_SHOW_SETTING, createOfficeHost } from "../../src/taskpane/office-host";
import { App } from "../../src/taskpane/App";
import { PaneProvider } from "../../src/taskpane/pane-context";
import { AS_OF, PaneMemoryWorkbook, fakeHost, sampleWorkbook } from "./support";

describe("Office host", () => {
  it("sets AutoShowTaskpaneWithDocument once and saves it", async () => {
    const stored = new Map<string, unknown>();
    let saves = 0;
    const host = createOfficeHost({
      context: {
        displayLanguage: "zh-HK",
        officeTheme: { bodyBackgroundColor: "#1f1f1f" },
        document: {
          settings: {
            get: (name) => stored.get(name) ?? null,
            set: (name, value) => void stored.set(name, value),
            saveAsync: (callback) => {
              saves++;
              callback?.({ status: "succeeded" });
            },
          },
        },
      },
    });
    expect(host.displayLanguage()).toBe("zh-HK");
    expect(host.bodyBackgroundColor()).toBe("#1f1f1f");
    await host.enableAutoShow();
    await host.enableAutoShow();
    expect(stored.get(AUTO_SHOW_SETTING)).toBe(true);
    expect(saves).toBe(1);
  });

  it("reports a failed save", async () => {
    const host = createOfficeHost({
      context: {
        document: {
          settings: { get: () => null, set: () => undefined, saveAsync: (callback) => callback?.({ status: "failed", error: { message: "read-only" } }) },
        },
      },
    });
    await expect(host.enableAutoShow()).rejects.toThrow("read-only");
  });
});

describe("mailto links", () => {
  it("percent-encodes everything and refuses what is not an address", () => {
    expect(mailtoLink("a@b.example", { subject: "R&D 账款 ?", body: "line 1\nline 2 & more" })).toBe(
      "mailto:a%40b.example?subject=R%26D%20%E8%B4%A6%E6%AC%BE%20%3F&body=line%201%0Aline%202%20%26%20more",
    );
    expect(mailtoLink("", { subject: "s", body: "b" })).toBeNull();
    // A second "@" (here a smuggled bcc query) is not one address.
    expect(mailtoLink("x@y.z?bcc=evil@example.com", { subject: "s", body: "b" })).toBeNull();
    expect(mailtoLink("not an address", { subject: "s", body: "b" })).toBeNull();
  });
});

describe("ribbon: generate aging", () => {
  it("runs the job without the pane, tells the pane, shows it and completes the event", async () => {
    const adapter = new MemoryAdapter(sampleWorkbook());
    const notices: RibbonNotice[] = [];
    const stop = subscribeRibbonNotices((notice) => notices.push(notice));
    const calls: string[] = [];
    await runAgingFromRibbon(
      { completed: () => void calls.push("completed") },
      {
        adapter: () => adapter,
        today: () => fromYmd(2026, 11, 23),
        lang: () => "zh-CN",
        showPane: async () => void calls.push("showPane"),
      },
    );
    stop();
    expect(calls).toEqual(["showPane", "completed"]);
    expect(notices.at(-1)).toMatchObject({ ok: true, sheets: ["账龄分析 2026-11-23", "账龄明细 2026-11-23"] });
    expect(notices.at(-1)?.summary[0]).toMatchObject({ currency: "CNY", outstanding: "25000.00" });
    expect(adapter.sheet("账龄分析 2026-11-23")?.generated).toBe(true);
  });

  it("never replaces its own earlier sheets without asking: a second run the same day writes nothing and says why", async () => {
    const adapter = new MemoryAdapter(sampleWorkbook());
    const deps = { adapter: () => adapter, today: () => AS_OF, lang: () => "en" as const, showPane: async () => undefined };
    await runAgingFromRibbon({ completed: () => undefined }, deps);
    const before = JSON.stringify(adapter.data);
    const writesBefore = adapter.plans.size;
    const notices: RibbonNotice[] = [];
    const stop = subscribeRibbonNotices((notice) => notices.push(notice));
    notices.length = 0;
    const calls: string[] = [];
    await runAgingFromRibbon({ completed: () => void calls.push("completed") }, { ...deps, showPane: async () => void calls.push("showPane") });
    stop();
    expect(calls).toEqual(["showPane", "completed"]);
    expect(JSON.stringify(adapter.data)).toBe(before);
    expect(adapter.plans.size).toBe(writesBefore);
    expect(notices).toEqual([
      expect.objectContaining({ ok: false, needsConfirmation: true, sheets: ["Aging 2026-11-23", "Aging detail 2026-11-23"] }),
    ]);

    render(
      <FluentProvider theme={webLightTheme}>
        <PaneProvider workbook={new PaneMemoryWorkbook(sampleWorkbook())} host={fakeHost("en")} lang="en" today={AS_OF}>
          <App />
        </PaneProvider>
      </FluentProvider>,
    );
    expect(
      await screen.findByText(/Aging 2026-11-23, Aging detail 2026-11-23 were generated earlier by this add-in; the ribbon button changed nothing/),
    ).toBeInTheDocument();
  });

  it("tells the user when it fails, and still completes the event", async () => {
    const calls: string[] = [];
    const broken = new MemoryAdapter({ sheets: [], tables: [], dateSystem: "1900", settings: {} });
    await runAgingFromRibbon(
      { completed: () => void calls.push("completed") },
      { adapter: () => broken, today: () => AS_OF, lang: () => "en", showPane: async () => { throw new Error("no shared runtime"); } },
    );
    expect(calls).toEqual(["completed"]);

    render(
      <FluentProvider theme={webLightTheme}>
        <PaneProvider workbook={new PaneMemoryWorkbook(sampleWorkbook())} host={fakeHost("en")} lang="en" today={AS_OF}>
          <App />
        </PaneProvider>
      </FluentProvider>,
    );
    expect(await screen.findByText(/Generate aging from the ribbon failed: No invoices table found/)).toBeInTheDocument();

    await act(async () => {
      await runAgingFromRibbon(
        { completed: () => undefined },
        { adapter: () => new MemoryAdapter(sampleWorkbook()), today: () => AS_OF, lang: () => "en", showPane: async () => undefined },
      );
    });
    expect(await screen.findByText("Aging generated from the ribbon: Aging 2026-11-23, Aging detail 2026-11-23")).toBeInTheDocument();
  });

  it("reaches the pane's copy of the module: commands and pane are separate bundles on one page", async () => {
    let commandsCopy!: typeof import("../../src/commands/ribbon");
    let paneCopy!: typeof import("../../src/commands/ribbon");
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- isolateModules needs a synchronous require to load a second copy
      commandsCopy = require("../../src/commands/ribbon");
    });
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- isolateModules needs a synchronous require to load a second copy
      paneCopy = require("../../src/commands/ribbon");
    });
    expect(commandsCopy).not.toBe(paneCopy);
    const seen: RibbonNotice[] = [];
    const stop = paneCopy.subscribeRibbonNotices((notice) => seen.push(notice));
    seen.length = 0;
    await commandsCopy.runAgingFromRibbon(
      { completed: () => undefined },
      { adapter: () => new MemoryAdapter(sampleWorkbook()), today: () => AS_OF, lang: () => "en", showPane: async () => undefined },
    );
    stop();
    expect(seen.map((notice) => notice.sheets)).toEqual([["Aging 2026-11-23", "Aging detail 2026-11-23"]]);
  });
});
