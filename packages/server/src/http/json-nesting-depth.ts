/**
 * The deepest nesting of arrays and objects in JSON text, found by one pass over the characters
 * (brackets inside strings do not count). Cheap enough to run before `JSON.parse`, so deeply
 * nested input is refused before recursive code (validation, merging, storage) meets it.
 *
 * @example
 * jsonNestingDepth('{"a":[1,{"b":"[["}]}'); // 3
 */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (code === 0x7d || code === 0x5d) {
      depth--;
    }
  }
  return deepest;
}
