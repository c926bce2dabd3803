/**
 * The Office.js calls of the ribbon commands — waiting for Office, registering the handlers the
 * manifest names, the display language, showing the task pane — wrapped so that src/commands
 * holds no Office.js and its tests pass a stand-in.
 */

/** The event Office passes a ribbon command; the command must complete it. */
export interface RibbonEvent {
  completed(): void;
}

/** A ribbon command handler. */
export type RibbonHandler = (event: RibbonEvent) => Promise<void>;

/** What the ribbon commands ask of Office. */
export interface CommandsHost {
  /** Runs `start` once Office is ready. */
  whenReady(start: () => void): void;
  /** Registers a handler under the manifest's FunctionName. */
  associate(name: string, handler: RibbonHandler): void;
  /** Office's display language, e.g. "zh-CN"; undefined outside Office. */
  displayLanguage(): string | undefined;
  /** Shows the task pane (shared runtime); a no-op where Office has no add-in API. */
  showPane(): Promise<void>;
}

/** The slice of the `Office` namespace used here. */
export interface OfficeCommandsLike {
  onReady(callback: () => void): unknown;
  actions?: { associate(name: string, handler: RibbonHandler): void };
  context?: { displayLanguage?: string };
  addin?: { showAsTaskpane(): Promise<void> };
}

/**
 * A CommandsHost over an `Office` namespace (the global one by default).
 * @param office the Office namespace, or a stand-in; undefined outside Office
 * @returns the host
 * @example createCommandsHost().whenReady(() => host.associate("openPane", openPane));
 */
export function createCommandsHost(office: OfficeCommandsLike | undefined = globalOffice()): CommandsHost {
  return {
    whenReady: (start) => void office?.onReady(start),
    associate: (name, handler) => office?.actions?.associate(name, handler),
    displayLanguage: () => office?.context?.displayLanguage,
    showPane: async () => {
      await office?.addin?.showAsTaskpane();
    },
  };
}

function globalOffice(): OfficeCommandsLike | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as OfficeCommandsLike);
}
