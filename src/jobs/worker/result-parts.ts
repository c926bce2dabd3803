/**
 * A job's result crossing to the pane in parts: every long array in it (a report's customers, an
 * aging plan's rows — ten thousand of each at Excel's full size) goes ahead in slices, each its
 * own message, and the result itself follows with a marker where each array was. The pane takes
 * each slice in a task of its own, so no single message holds its thread: one message of the
 * whole result took 60–140 ms to unpack at full size, longer than the 100 ms the pane may work
 * without yielding.
 */
import { fromPlain, isPlainObject } from "./transfer";

/** Items per slice: a slice of customers or rows unpacks in a few milliseconds. */
export const PART_ITEMS = 1_000;
const PART_KEY = "$ar:part";

/** A slice of a long array, sent before the result. */
export interface ResultPart {
  /** Which array: the number its marker carries. */
  part: number;
  items: unknown[];
}

/**
 * Splits a plain result (transfer.ts toPlain): each array longer than `partItems` (not within
 * another such array) is sent in slices through `send` and replaced by a marker; the arrays and
 * objects on the way to it are copied, the result itself left as it was.
 * @param value the plain result
 * @param send posts one slice
 * @param partItems items per slice
 * @param firstPart the number of the first array sent (above those of any result sent before on
 *   the same channel, whose slices the receiver holds until the result comes)
 * @returns the result with markers, to send after the slices
 * @example const skeleton = sendInParts(toPlain(result), (part) => port.postMessage({ kind: "part", ...part })); port.postMessage({ kind: "done", result: skeleton });
 */
export function sendInParts(value: unknown, send: (part: ResultPart) => void, partItems = PART_ITEMS, firstPart = 0): unknown {
  let parts = firstPart;
  const split = (item: unknown): unknown => {
    if (item === null || typeof item !== "object") return item;
    if (Array.isArray(item)) {
      if (item.length <= partItems) return item.map(split);
      // A long array's items go as they are, whatever they hold: no marker inside a slice.
      const part = parts++;
      for (let at = 0; at < item.length; at += partItems) send({ part, items: item.slice(at, at + partItems) });
      return { [PART_KEY]: part };
    }
    if (!isPlainObject(item)) return item;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(item)) copy[key] = split(item[key]);
    return copy;
  };
  return split(value);
}

/**
 * The pane's side: slices as they come (each unpacked by transfer.ts fromPlain at once), then the
 * result, its markers replaced by the arrays.
 * @example const parts = new ResultParts(); parts.take(message); … const result = parts.assemble(message.result);
 */
export class ResultParts {
  private readonly arrays: unknown[][] = [];

  /** Takes one slice. */
  take(part: ResultPart): void {
    const items = fromPlain(part.items) as unknown[];
    const array = (this.arrays[part.part] ??= []);
    for (const item of items) array.push(item);
  }

  /**
   * The whole result.
   * @param skeleton the result as sent after its slices
   * @returns the result, as transfer.ts fromPlain gives it
   */
  assemble(skeleton: unknown): unknown {
    const join = (item: unknown): unknown => {
      if (item === null || typeof item !== "object") return item;
      if (Array.isArray(item)) {
        for (let i = 0; i < item.length; i++) item[i] = join(item[i]);
        return item;
      }
      if (!isPlainObject(item)) return item;
      const part = item[PART_KEY];
      if (typeof part === "number") return this.arrays[part];
      for (const key of Object.keys(item)) item[key] = join(item[key]);
      return item;
    };
    return join(fromPlain(skeleton));
  }
}
