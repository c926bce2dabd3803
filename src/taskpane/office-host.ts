/**
 * The few Office.js calls the pane makes that are not Excel.run: waiting for Office at bootstrap,
 * the display language, the theme, the document setting that reopens the pane with the workbook,
 * and showing the pane. Wrapped here so that components never touch `Office` and tests inject a
 * fake.
 */

/** What the pane asks of Office outside the workbook. */
export interface OfficeHost {
  /** Office's display language, e.g. "zh-CN"; undefined outside Office. */
  displayLanguage(): string | undefined;
  /** Office theme's body background colour ("#RRGGBB"); undefined when Office gives none. */
  bodyBackgroundColor(): string | undefined;
  /**
   * Makes the pane open with this workbook from now on
   * (`Office.AutoShowTaskpaneWithDocument`), saved with the document; a no-op when already set.
   */
  enableAutoShow(): Promise<void>;
  /** Shows the task pane (shared runtime). */
  showPane(): Promise<void>;
}

/** The slice of the `Office` namespace used here. */
export interface OfficeLike {
  context?: {
    displayLanguage?: string;
    officeTheme?: { bodyBackgroundColor?: string };
    document?: {
      settings?: {
        get(name: string): unknown;
        set(name: string, value: unknown): void;
        saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
      };
    };
  };
  addin?: { showAsTaskpane(): Promise<void> };
  onReady?(callback: () => void): unknown;
}

/** Document setting Office reads to reopen the pane with the file. */
export const AUTO_SHOW_SETTING = "Office.AutoShowTaskpaneWithDocument";

/**
 * An OfficeHost over an `Office` namespace (the global one by default).
 * @param office the Office namespace, or a stand-in
 * @returns the host
 * @example createOfficeHost({ context: { displayLanguage: "zh-TW" } }).displayLanguage() // "zh-TW"
 */
export function createOfficeHost(office: OfficeLike | undefined = globalOffice()): OfficeHost {
  return {
    displayLanguage: () => office?.context?.displayLanguage,
    bodyBackgroundColor: () => office?.context?.officeTheme?.bodyBackgroundColor,
    enableAutoShow: () =>
      new Promise<void>((resolve, reject) => {
        const settings = office?.context?.document?.settings;
        if (!settings || settings.get(AUTO_SHOW_SETTING) === true) return resolve();
        settings.set(AUTO_SHOW_SETTING, true);
        settings.saveAsync((result) =>
          result.status === "failed" ? reject(new Error(result.error?.message ?? "saveAsync failed")) : resolve(),
        );
      }),
    showPane: async () => {
      await office?.addin?.showAsTaskpane();
    },
  };
}

/**
 * Runs the pane's bootstrap once Office is ready (`Office.onReady`, once, before the first render).
 * @param start renders the pane
 * @param office the Office namespace, or a stand-in (the global one by default)
 * @example whenOfficeReady(() => renderPane(container, deps));
 */
export function whenOfficeReady(start: () => void, office: OfficeLike | undefined = globalOffice()): void {
  void office?.onReady?.(start);
}

function globalOffice(): OfficeLike | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
}
