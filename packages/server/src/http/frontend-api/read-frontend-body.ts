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
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
