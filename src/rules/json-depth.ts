/**
 * How deep parsed JSON nests, found without recursion: a policy or setting nested thousands of
 * levels deep is refused at the edge with the path where it goes too deep, instead of overflowing
 * the stack of whatever walks it later. Pure.
 */

/**
 * Levels of nesting a policy or a stored setting may have (the policy itself needs four).
 * @example MAX_JSON_DEPTH // 32
 */
export const MAX_JSON_DEPTH = 32;

/**
 * The path of the first value nested deeper than allowed.
 * @param value parsed JSON
 * @param max levels allowed (MAX_JSON_DEPTH by default)
 * @param root the path of `value` itself
 * @returns the path ("policy.a[0].b…"), or null when the value is shallow enough
 * @example tooDeepAt({ a: [[1]] }, 2) // "policy.a[0]"
 */
export function tooDeepAt(value: unknown, max: number = MAX_JSON_DEPTH, root = "policy"): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.value === null || typeof item.value !== "object") continue;
    if (item.depth >= max) return item.path;
    if (Array.isArray(item.value)) item.value.forEach((child, index) => stack.push({ value: child, path: `${item.path}[${index}]`, depth: item.depth + 1 }));
    else for (const [key, child] of Object.entries(item.value)) stack.push({ value: child, path: `${item.path}.${key}`, depth: item.depth + 1 });
  }
  return null;
}
