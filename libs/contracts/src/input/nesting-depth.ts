/** JSON nested deeper than this is refused before anything recursive (parsers, validators) walks it. */
export const MAX_BODY_DEPTH = 32;

/**
 * The deepest nesting of objects and arrays in JSON text, counted outside strings, without parsing it;
 * stops counting once `limit` is passed (the answer is then `limit + 1`). `{}` is 1, `{"a":[]}` is 2.
 */
export function jsonTextDepth(text: string, limit = MAX_BODY_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return limit + 1;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return deepest;
}

/** Whether a parsed value nests objects and arrays deeper than `limit`; iterative, for any depth. */
export function nestsDeeperThan(value: unknown, limit = MAX_BODY_DEPTH): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}
