/**
 * A shortcode inside a string: `{{ path || 'fallback' }}`. The expression is trimmed in code, not
 * by the pattern: `\s*` beside a lazy `[^{}]*?` backtracks cubically on `{{` and a long run of
 * spaces, and templates are rendered on every token request. `[^{}]*` stops at the next brace, so
 * matching is linear in the text.
 */
const SHORTCODE = /\{\{([^{}]*)\}\}/g;
const WHOLE_SHORTCODE = /^\{\{([^{}]*)\}\}$/;

function lookup(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const segment of path.split(".")) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return null;
    if (!Object.hasOwn(current, segment)) return null;
    current = (current as Record<string, unknown>)[segment];
  }
  return current === undefined ? null : current;
}

/** One alternative of a shortcode: a quoted string, a number/boolean/null literal, or a path. */
function evaluateTerm(term: string, data: unknown): unknown {
  const quoted = /^'([^']*)'$|^"([^"]*)"$/.exec(term);
  if (quoted) return quoted[1] ?? quoted[2] ?? "";
  if (term === "true") return true;
  if (term === "false") return false;
  if (term === "null") return null;
  if (/^-?\d+(\.\d+)?$/.test(term)) return Number(term);
  return lookup(data, term);
}

/** `a || b || 'c'`: the first alternative that is neither null nor an empty string. */
function evaluate(expression: string, data: unknown): unknown {
  let value: unknown = null;
  for (const term of expression.split("||").map((part) => part.trim())) {
    value = evaluateTerm(term, data);
    if (value !== null && value !== "") return value;
  }
  return value;
}

function renderString(text: string, data: unknown): unknown {
  const whole = WHOLE_SHORTCODE.exec(text);
  if (whole) return evaluate(whole[1] ?? "", data);
  return text.replace(SHORTCODE, (_match, expression: string) => {
    const value = evaluate(expression, data);
    if (value === null) return "";
    return typeof value === "string" ? value : JSON.stringify(value);
  });
}

function render(value: unknown, data: unknown): unknown {
  if (typeof value === "string") return renderString(value, data);
  if (Array.isArray(value)) return value.map((item) => render(item, data));
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = render(item, data);
    return out;
  }
  return value;
}

/**
 * Renders a JWT template's claims against shortcode data (`{ user, org, session }`). A string
 * that is exactly one shortcode takes the value with its JSON type (`"{{user.public_metadata}}"`
 * → an object); shortcodes inside longer strings are interpolated (objects as JSON, missing
 * values as ""). Missing values are null. `{{a || b || 'text'}}` picks the first alternative that
 * is neither null nor "". Objects and arrays are rendered recursively; other values are kept.
 *
 * @example
 * renderTemplateClaims({ name: "{{user.first_name}} {{user.last_name}}" }, data);
 */
export function renderTemplateClaims(
  claims: Record<string, unknown>,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return render(claims, data) as Record<string, unknown>;
}
