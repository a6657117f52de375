import { parseJsonObjectBody } from "../parse-json-object-body.js";

/**
 * Reads a Frontend API body: `application/x-www-form-urlencoded` (what Clerk's components send),
 * or a JSON object. Form keys that repeat become arrays; an empty body is `{}`.
 *
 * @throws `request_body_invalid` for JSON that is not an object (or nested too deep)
 * @example
 * const body = await readFrontendBody(request); // { identifier: "a@b.c", password: "…" }
 */
export async function readFrontendBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === "") return {};
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (type.includes("application/json"))
    return parseJsonObjectBody(text, "a JSON object or a form");
  // A map, then own properties: a key such as `__proto__` stays a field and never a prototype.
  const fields = new Map<string, string | string[]>();
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = fields.get(key);
    // Appended in place: copying the array on each repeat made `a&a&a…` (no sign-in needed)
    // cost time quadratic in the body's length.
    if (existing === undefined) fields.set(key, value);
    else if (Array.isArray(existing)) existing.push(value);
    else fields.set(key, [existing, value]);
  }
  return Object.fromEntries(fields);
}
