/**
 * A full garbage collection on demand, for the command line on a big file: the cells read are
 * dead once the ledger is built, but V8 would let the heap grow beside them through the report
 * and the plans before collecting them — at Excel's full size that was the job's peak.
 */
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";

/** Files from this size on (about 350,000 ledger rows) get a collection after reading; below, it is not worth its time. */
const COLLECT_FROM_BYTES = 16 * 1024 * 1024;

/**
 * A function that collects garbage now, when the input is big enough for it to matter.
 * @param size the size in bytes of the file the job reads
 * @returns the collector, or undefined for a small file (or a runtime that will not give one)
 * @example const afterRead = collectorFor(47_900_000); afterRead?.(); // one full collection
 */
export function collectorFor(size: number): (() => void) | undefined {
  if (size < COLLECT_FROM_BYTES) return undefined;
  // V8 gives its gc() to a context made after --expose-gc is set; this process's own global is untouched.
  setFlagsFromString("--expose-gc");
  const gc: unknown = runInNewContext("gc");
  return typeof gc === "function" ? () => (gc as () => void)() : undefined;
}
