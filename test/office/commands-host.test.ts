import { createCommandsHost, type RibbonHandler } from "../../src/workbook/office/commands-host";

describe("the ribbon commands' Office host", () => {
  it("registers handlers once Office is ready, reads the display language and shows the pane", async () => {
    const handlers = new Map<string, RibbonHandler>();
    const shown: string[] = [];
    let ready: (() => void) | undefined;
    const host = createCommandsHost({
      onReady: (callback) => (ready = callback),
      actions: { associate: (name, handler) => void handlers.set(name, handler) },
      context: { displayLanguage: "zh-HK" },
      addin: { showAsTaskpane: async () => void shown.push("pane") },
    });
    host.whenReady(() => host.associate("openPane", async () => undefined));
    expect(handlers.size).toBe(0);
    ready?.();
    expect([...handlers.keys()]).toEqual(["openPane"]);
    expect(host.displayLanguage()).toBe("zh-HK");
    await host.showPane();
    expect(shown).toEqual(["pane"]);
  });

  it("does nothing outside Office", async () => {
    const host = createCommandsHost(undefined);
    expect(host.displayLanguage()).toBeUndefined();
    await expect(host.showPane()).resolves.toBeUndefined();
    expect(() => host.whenReady(() => undefined)).not.toThrow();
  });
});
