/** Index of the first character at or after `from` that is neither whitespace nor a comment. */
function skipBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    if (/\s/.test(text[i] ?? "")) i++;
    else if (text.startsWith("//", i)) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end + 1;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? text.length : end + 2;
    } else break;
  }
  return i;
}

/**
 * Parses JSON that may hold `//` and `/* *\/` comments and trailing commas, as tsconfig files do.
 * Comment markers and commas inside strings are left alone.
 *
 * @throws SyntaxError when what is left is not JSON.
 * @example
 * parseJsonc('{ "a": 1, // one\n }'); // { a: 1 }
 */
export function parseJsonc(text: string): unknown {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      const start = i;
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      i++;
      out += text.slice(start, i);
    } else if (text.startsWith("//", i) || text.startsWith("/*", i)) {
      i = skipBlank(text, i);
    } else if (char === ",") {
      const after = skipBlank(text, i + 1);
      if (text[after] !== "}" && text[after] !== "]") out += char;
      i++;
    } else {
      out += char;
      i++;
    }
  }
  return JSON.parse(out);
}
