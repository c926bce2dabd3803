/**
 * The settings store (settings-store.ts) inside Excel: the workbook's SettingCollection, one
 * setting per key holding the key's text. It travels with the file and suits co-authoring; it is
 * shared with Office's own document settings (Office.AutoShowTaskpaneWithDocument), so a read
 * takes only the contract's keys.
 */
import { GENERATED_KEY, generatedToText, SETTINGS_KEYS, type GeneratedSheet } from "../settings-store";
import type { ExcelRunner } from "./runner";

const STORE_KEYS: readonly string[] = [...Object.values(SETTINGS_KEYS), GENERATED_KEY];

/**
 * A setting's value as the store's text: a string as it is; any other value (a setting added as
 * an object by hand or by an older version) as its JSON.
 * @param value the setting's value as loaded
 * @returns the text, or undefined for no value
 * @example storedText([{ id: "{A}" }]) // '[{"id":"{A}"}]'
 */
export function storedText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Queues loading every setting with the batch's next sync.
 * @param context the batch's request context
 * @returns after the sync: the contract's keys and their text
 * @example const store = queueStoreRead(context); await context.sync(); store()["ar.policy"];
 */
export function queueStoreRead(context: Excel.RequestContext): () => Record<string, string> {
  const list = context.workbook.settings.load("items/key,items/value");
  return () => {
    const store: Record<string, string> = {};
    for (const item of list.items) {
      const text = STORE_KEYS.includes(item.key) ? storedText(item.value) : undefined;
      if (text !== undefined && !Object.hasOwn(store, item.key)) store[item.key] = text;
    }
    return store;
  };
}

/**
 * Queues loading the list of generated sheets alone.
 * @param context the batch's request context
 * @returns after the sync: its stored text, undefined when there is none
 * @example const listed = queueGeneratedListRead(context); await context.sync(); readGeneratedList(listed());
 */
export function queueGeneratedListRead(context: Excel.RequestContext): () => string | undefined {
  const setting = context.workbook.settings.getItemOrNullObject(GENERATED_KEY);
  setting.load("value");
  return () => (setting.isNullObject ? undefined : storedText(setting.value));
}

/**
 * Queues storing the list of generated sheets (sent with the batch's next sync).
 * @param workbook the batch's workbook
 * @param sheets the whole list
 * @example queueGeneratedListWrite(context.workbook, [{ id: sheet.id, name: "Aging", kind: "aging" }]);
 */
export function queueGeneratedListWrite(workbook: Excel.Workbook, sheets: readonly GeneratedSheet[]): void {
  workbook.settings.add(GENERATED_KEY, generatedToText(sheets));
}

/**
 * Stores settings in the workbook, each key its own setting. One sync.
 * @param excel where `run` comes from
 * @param settings key → text, such as { "ar.policy": "{…}" }
 * @example await writeStoredSettings(excel, { "ar.mapping": "{}" });
 */
export async function writeStoredSettings(excel: ExcelRunner, settings: Record<string, string>): Promise<void> {
  await excel.run(async (context) => {
    for (const [key, value] of Object.entries(settings)) context.workbook.settings.add(key, value);
    await context.sync();
  });
}

/**
 * Reads some stored settings without reading the sheets. One sync.
 * @param excel where `run` comes from
 * @param keys settings keys, such as ["ar.mapping"]
 * @returns key → stored text, absent keys left out
 * @example await readStoredSettings(excel, ["ar.mapping", "ar.templates"]); // { "ar.mapping": "{…}" }
 */
export async function readStoredSettings(excel: ExcelRunner, keys: string[]): Promise<Record<string, string>> {
  return excel.run(async (context) => {
    const items = keys.map((key) => {
      const item = context.workbook.settings.getItemOrNullObject(key);
      item.load("value");
      return { key, item };
    });
    await context.sync();
    const stored: Record<string, string> = {};
    for (const { key, item } of items) {
      const text = item.isNullObject ? undefined : storedText(item.value);
      if (text !== undefined) stored[key] = text;
    }
    return stored;
  });
}
