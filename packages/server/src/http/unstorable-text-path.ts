import { ApiError } from "../errors/api-error.js";

/** A UTF-16 surrogate without its pair. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * True when `text` holds something PostgreSQL cannot store as text: a NUL character (refused in
 * `text` and `jsonb`) or an unpaired surrogate (not encodable as UTF-8; `jsonb` refuses its
 * `\ud800` escape, `text` would silently get U+FFFD instead).
 *
 * @example
 * hasUnstorableText("a\u0000b"); // true
 * hasUnstorableText("😀"); // false
 */
export function hasUnstorableText(text: string): boolean {
  return text.includes("\u0000") || LONE_SURROGATE.test(text);
}

/**
 * Where a value holds text PostgreSQL cannot store (see {@link hasUnstorableText}), as a
 * parameter name (`public_metadata.a.b`; array positions left out, as in Clerk's param names),
 * or `undefined` when there is none. Object keys are checked as well as string values. Callers
 * bound the nesting depth first.
 *
 * @example
 * unstorableTextPath({ first_name: "a\u0000b" }); // "first_name"
 * unstorableTextPath({ ok: ["fine"] }); // undefined
 */
export function unstorableTextPath(value: unknown, path = ""): string | undefined {
  if (typeof value === "string") return hasUnstorableText(value) ? path : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = unstorableTextPath(item, path);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const name = path === "" ? key : `${path}.${key}`;
    if (hasUnstorableText(key)) return name;
    const found = unstorableTextPath(item, name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Refuses input holding text PostgreSQL cannot store (NUL characters, unpaired surrogates).
 *
 * @throws ApiError `form_param_format_invalid` naming the parameter
 * @example
 * const body = parseInput(schema, refuseUnstorableText(json));
 */
export function refuseUnstorableText<T>(input: T): T {
  const path = unstorableTextPath(input);
  if (path === undefined) return input;
  throw new ApiError("form_param_format_invalid", {
    paramName: path,
    longMessage: `${path === "" ? "The request" : path} must not contain NUL characters or unpaired surrogates.`,
  });
}

/**
 * Refuses path parameters holding such text: no id does, and PostgreSQL could not even compare
 * with it.
 *
 * @throws ApiError `resource_not_found` naming the parameter
 * @example
 * refuseUnstorablePathParams({ user_id: "user_\u0000" }); // throws
 */
export function refuseUnstorablePathParams(params: Record<string, string>): void {
  for (const [name, value] of Object.entries(params)) {
    if (hasUnstorableText(value)) throw new ApiError("resource_not_found", { paramName: name });
  }
}
