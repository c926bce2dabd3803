/**
 * A full garbage collection on demand, for the command line on a big file: the cells read are
 * dead once the ledger is built, but V8 would let the heap grow beside them through the report
 * and the plans before collecting them — at Excel's full size that was the job's peak.
 */
import { promises as fs } from "fs";
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";

/** Files from this size on (about 350,000 ledger rows) get a collection after reading; below, it is not worth its time. */
const COLLECT_FROM_BYTES = 16 * 1024 * 1024;

/**
 * A function that collects garbage now, when the input is big enough for it to matter.
 * @param input the file the job reads
 * @returns the collector, or undefined for a small file (or a runtime that will not give one)
 * @example const afterRead = await collectorFor("ledger-1048575.xlsx"); afterRead?.(); // one full collection
 */
export async function collectorFor(input: string): Promise<(() => void) | undefined> {
  const size = await fs.stat(input).then((stat) => stat.size, () => 0);
  if (size < COLLECT_FROM_BYTES) return undefined;
  // V8 gives its gc() to a context made after --expose-gc is set; this process's own global is untouched.
  setFlagsFromString("--expose-gc");
  const gc: unknown = runInNewContext("gc");
  return typeof gc === "function" ? () => (gc as () => void)() : undefined;
}
