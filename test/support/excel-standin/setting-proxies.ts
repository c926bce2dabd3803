/**
 * Settings of the Excel stand-in: Excel.Setting and Excel.SettingCollection (the workbook's key/value store).
 */
import { ClientObject, loadProps, type LoadSpec } from "./client-object";
import { propertyNotLoaded, type StandInContext } from "./context";
import { fail } from "./model";

interface SettingTarget {
  key: string;
}

/** Excel.Setting. */
export class SettingProxy extends ClientObject<SettingTarget> {
  /**
   * @param context Request context.
   * @param path Path description.
   * @param key The setting's key.
   * @param nullable Made by getItemOrNullObject.
   */
  constructor(
    context: StandInContext,
    path: string,
    private readonly settingKey: string,
    nullable = false,
  ) {
    super(context, path, nullable);
  }
  protected get kind(): string {
    return "Setting";
  }
  protected resolve(): SettingTarget | null {
    return this.context.state.settings.has(this.settingKey) ? { key: this.settingKey } : null;
  }
  protected defaultProps(): string[] {
    return ["key", "value"];
  }
  protected readProp(name: string): unknown {
    const { key } = this.target();
    if (name === "key") return key;
    if (name === "value") return this.context.state.settings.get(key);
    return fail("InvalidArgument", "Setting.load", name);
  }
  /** The key. */
  get key(): string {
    return this.loaded("key");
  }
  /** The value (JSON-serialisable). */
  get value(): unknown {
    return this.loaded("value");
  }
  set value(value: unknown) {
    this.queue("value=", { value }, ({ key }) => this.context.state.settings.set(key, value));
  }
  /** Deletes the setting. */
  delete(): void {
    this.queue("delete", {}, ({ key }) => this.context.state.settings.delete(key));
  }
}

/** Excel.SettingCollection (workbook.settings). */
export class SettingCollectionProxy extends ClientObject<Map<string, unknown>> {
  private itemsValue: { key: string; value: unknown }[] | undefined;

  protected get kind(): string {
    return "SettingCollection";
  }
  protected resolve(): Map<string, unknown> | null {
    return this.context.state.settings;
  }
  protected defaultProps(): string[] {
    return ["key", "value"];
  }
  protected readProp(): unknown {
    return undefined;
  }
  /** Adds or replaces a setting. */
  add(key: string, value: unknown): SettingProxy {
    this.context.enqueue({
      name: "SettingCollection.add",
      desc: { path: this.path, op: "add", key, value },
      apply: () => {
        if (typeof key !== "string" || key.length === 0 || key.length > 255) fail("InvalidArgument", "SettingCollection.add");
        this.context.state.settings.set(key, value);
      },
    });
    return new SettingProxy(this.context, `settings.add(${JSON.stringify(key)})`, key);
  }
  /** A setting by key (ItemNotFound at sync if absent). */
  getItem(key: string): SettingProxy {
    return new SettingProxy(this.context, `settings.getItem(${JSON.stringify(key)})`, key);
  }
  /** A setting by key, or a null object. */
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, `settings.getItemOrNullObject(${JSON.stringify(key)})`, key, true);
  }
  /** Loads every setting (key and value). */
  load(spec?: LoadSpec): this {
    loadProps(spec, this.defaultProps());
    let result: { key: string; value: unknown }[] = [];
    this.context.enqueue({
      name: "SettingCollection.load",
      desc: { path: this.path, load: ["key", "value"] },
      apply: (response) => {
        result = [...this.context.state.settings].map(([key, value]) => ({ key, value }));
        response.push(result);
      },
      commit: () => (this.itemsValue = result),
    });
    return this;
  }
  /** Loaded settings as {key, value} items. */
  get items(): { key: string; value: unknown }[] {
    if (!this.itemsValue) throw propertyNotLoaded("items");
    return this.itemsValue;
  }
}
