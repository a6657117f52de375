/** A form body as `c.req.parseBody()` answers it. */
export type ConsoleForm = Record<string, unknown>;

/** A text field of a form; "" when it is absent (or a file). */
export function formText(form: ConsoleForm, name: string): string {
  const value = form[name];
  return typeof value === "string" ? value : "";
}

/**
 * Parses JSON typed in a form field as an object (an empty field is `{}`); the error names the
 * field.
 *
 * @example
 * parseJsonObject('{"plan":"pro"}', "public_metadata"); // { ok: true, value: { plan: "pro" } }
 */
export function parseJsonObject(
  text: string,
  field: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  const trimmed = text.trim();
  let value: unknown;
  try {
    value = trimmed === "" ? {} : JSON.parse(trimmed);
  } catch {
    return { ok: false, error: `${field} is not valid JSON.` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, error: `${field} must be a JSON object ({ … }).` };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** Several JSON object fields of a form, as one body; or the first field that is not an object. */
export function parseJsonObjectFields(
  form: ConsoleForm,
  fields: readonly string[],
): { ok: true; body: Record<string, unknown> } | { ok: false; error: string } {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const parsed = parseJsonObject(formText(form, field), field);
    if (!parsed.ok) return parsed;
    body[field] = parsed.value;
  }
  return { ok: true, body };
}
