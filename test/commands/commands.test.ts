/**
 * The ribbon commands as Office calls them: registered by name once Office is ready;
 * "generateAging" hands its event to the aging job, "openPane" shows the pane and completes.
 */
jest.mock("../../src/commands/ribbon", () => ({ runAgingFromRibbon: jest.fn(async () => undefined) }));

type Handler = (event: { completed: jest.Mock }) => Promise<void>;

describe("ribbon commands", () => {
  const handlers = new Map<string, Handler>();
  const showAsTaskpane = jest.fn(async () => undefined);

  beforeAll(async () => {
    (globalThis as unknown as { Office: unknown }).Office = {
      onReady: (callback: () => void) => {
        callback();
        return Promise.resolve({});
      },
      actions: { associate: (name: string, handler: Handler) => handlers.set(name, handler) },
      addin: { showAsTaskpane },
    };
    await import("../../src/commands/commands");
  });

  it("registers the manifest's FunctionName generateAging and openPane", () => {
    expect([...handlers.keys()].sort()).toEqual(["generateAging", "openPane"]);
  });

  it("passes the Generate aging event to runAgingFromRibbon", async () => {
    const { runAgingFromRibbon } = jest.requireMock("../../src/commands/ribbon") as { runAgingFromRibbon: jest.Mock };
    const event = { completed: jest.fn() };
    await handlers.get("generateAging")!(event);
    expect(runAgingFromRibbon).toHaveBeenCalledWith(event);
  });

  it("shows the task pane and completes the event, even when showing fails", async () => {
    const event = { completed: jest.fn() };
    await handlers.get("openPane")!(event);
    expect(showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);

    showAsTaskpane.mockRejectedValueOnce(new Error("not supported"));
    const failing = { completed: jest.fn() };
    await expect(handlers.get("openPane")!(failing)).rejects.toThrow("not supported");
    expect(failing.completed).toHaveBeenCalledTimes(1);
  });
});
