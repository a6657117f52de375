import { z } from "zod";

/**
 * Zod building blocks for query strings. The handler hands query schemas an object whose values
 * are a string (key given once) or an array of strings (repeated key). Clients omit falsy values
 * (`offset=0`, `false`), so every helper is optional and callers apply defaults.
 */
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** Repeated key → list (`email_address=a&email_address=b`). */
export const queryList = () =>
  z.preprocess(
    (value) => (value === undefined ? undefined : [value].flat()),
    z.array(z.string()).max(100).optional(),
  );

/** Single string; a repeated key keeps its first value. Empty means absent. */
export const queryText = () =>
  z.preprocess((value) => {
    const text = first(value);
    return text === "" ? undefined : text;
  }, z.string().optional());

/** Integer within bounds; empty means absent. */
export const queryInteger = (bounds: { min?: number; max?: number } = {}) =>
  z.preprocess(
    (value) => {
      const text = first(value);
      return text === undefined || text === "" ? undefined : Number(text);
    },
    z
      .number()
      .int()
      .min(bounds.min ?? Number.MIN_SAFE_INTEGER)
      .max(bounds.max ?? Number.MAX_SAFE_INTEGER)
      .optional(),
  );

/** `true` / `false`; empty means absent. */
export const queryBoolean = () =>
  z.preprocess((value) => {
    const text = first(value);
    if (text === "true") return true;
    if (text === "false") return false;
    return text === "" ? undefined : text;
  }, z.boolean().optional());

/** Turns URL search parameters into the object query schemas read. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}
