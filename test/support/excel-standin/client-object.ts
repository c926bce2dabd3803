/**
 * The base of the stand-in's proxy objects: load() and sync bookkeeping, lazy resolution of the
 * model object, PropertyNotLoaded for what was not loaded, and queued changes applied at sync().
 */
import { propertyNotLoaded, type LoadResult, type StandInContext } from "./context";
import { fail } from "./model";

export type LoadSpec = string | string[] | { select?: string } | undefined;

export function loadProps(spec: LoadSpec, defaults: string[]): string[] {
  if (spec === undefined) return defaults;
  const text = Array.isArray(spec) ? spec.join(",") : typeof spec === "string" ? spec : (spec.select ?? "");
  const props = text
    .split(",")
    .map((p) => p.trim().replace(/^items\//, ""))
    .filter((p) => p.length > 0);
  return props.length > 0 ? props : defaults;
}

function isDeleted(target: unknown): boolean {
  if (typeof target !== "object" || target === null) return false;
  const t = target as { deleted?: boolean; sheet?: { deleted?: boolean } };
  return t.deleted === true || t.sheet?.deleted === true;
}

/** Base of every proxy: load/sync bookkeeping and lazy resolution of the model object. */
export abstract class ClientObject<T> {
  protected readonly loadedProps = new Map<string, unknown>();
  private cached: T | undefined;
  private nullState: boolean | undefined;

  /**
   * @param context The request context the object belongs to.
   * @param path Description of how the object was reached (goes into the request JSON).
   * @param nullable Made by an *OrNullObject method.
   */
  constructor(
    readonly context: StandInContext,
    protected readonly path: string,
    private readonly nullable = false,
  ) {
    if (nullable) context.trackNullable({ refresh: () => (this.nullState = this.tryTarget() === null) });
  }

  /** Finds the model object at sync time; null when it does not exist. */
  protected abstract resolve(): T | null;
  /** Reads one loadable property at sync time. */
  protected abstract readProp(name: string): unknown;
  /** Properties loaded by a bare load(). */
  protected abstract defaultProps(): string[];
  /** Class name used in recorded operation names. */
  protected abstract get kind(): string;

  /** Binds the proxy to an existing model object (items of a loaded collection). */
  bind(target: T): this {
    this.cached = target;
    return this;
  }

  /** The model object, or ItemNotFound. */
  target(): T {
    if (this.cached !== undefined) {
      if (isDeleted(this.cached)) fail("ItemNotFound", this.path);
      return this.cached;
    }
    const found = this.resolve();
    if (found === null) return fail("ItemNotFound", this.path);
    this.cached = found;
    return found;
  }

  /** The model object or null when it does not exist. */
  tryTarget(): T | null {
    try {
      return this.target();
    } catch {
      return null;
    }
  }

  /** Queues a load of the named properties (Office.js accepts "a,b", ["a","b"] or {select}). */
  load(spec?: LoadSpec): this {
    const props = loadProps(spec, this.defaultProps());
    const result: LoadResult = {};
    this.context.enqueue({
      name: `${this.kind}.load`,
      desc: { path: this.path, load: props },
      apply: (response) => {
        if (this.nullable && this.tryTarget() === null) return;
        for (const prop of props) result[prop] = this.readProp(prop);
        response.push(result);
      },
      commit: () => {
        for (const [key, value] of Object.entries(result)) this.loadedProps.set(key, value);
      },
    });
    return this;
  }

  /** Reads a property now (a collection loading its items calls this at sync time). */
  readNow(name: string): unknown {
    return this.readProp(name);
  }

  /** Makes loaded values readable (a collection loading its items calls this after the sync). */
  acceptLoaded(result: LoadResult): void {
    for (const [key, value] of Object.entries(result)) this.loadedProps.set(key, value);
  }

  /** Whether an *OrNullObject call found nothing; readable after a sync. */
  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      if (!this.nullable && this.context.generation > 0) return false;
      throw propertyNotLoaded("isNullObject");
    }
    return this.nullState;
  }

  /** Plain copy of the loaded properties, as Office.js's toJSON. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedProps);
  }

  protected loaded<V>(name: string): V {
    if (!this.loadedProps.has(name)) throw propertyNotLoaded(name);
    return this.loadedProps.get(name) as V;
  }

  protected queue(name: string, args: Record<string, unknown>, apply: (target: T) => void): void {
    this.context.enqueue({
      name: `${this.kind}.${name}`,
      desc: { path: this.path, op: name, ...args },
      apply: () => apply(this.target()),
    });
  }
}
