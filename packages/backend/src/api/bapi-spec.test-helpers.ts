import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { RecordedCall } from "./fake-fetch.test-helpers.js";

const specUrl = new URL("../../../../../shared/specs/clerk-bapi.yml", import.meta.url);

/** Whether `../shared/specs/clerk-bapi.yml` is there; contract tests skip without it. */
export const specPresent = existsSync(fileURLToPath(specUrl));

/** Suffix for a contract `describe` title, stating why it is skipped when it is. */
export const specSkipReason = specPresent ? "" : " (skipped: ../shared/specs not found)";

type Schema = {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
};
type Parameter = { $ref?: string; name: string; in: string };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { $ref?: string; content?: Record<string, { schema: Schema }> };
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema: Schema }> }>;
};
type PathItem = Record<string, Operation> & { parameters?: Parameter[] };
type Spec = {
  paths: Record<string, PathItem>;
  components: Record<string, Record<string, unknown>>;
};

let cached: Spec | undefined;
function spec(): Spec {
  cached ??= parse(readFileSync(fileURLToPath(specUrl), "utf8"), { maxAliasCount: -1 }) as Spec;
  return cached;
}

function deref<T extends { $ref?: string }>(node: T): T {
  let current: T = node;
  for (let hops = 0; current.$ref && hops < 20; hops++) {
    const parts = current.$ref.replace(/^#\//, "").split("/");
    current = parts.reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], spec()) as T;
  }
  return current;
}

/** The spec's path template a concrete path matches, preferring literal segments. */
function matchTemplate(method: string, path: string): string | undefined {
  const segments = path.split("/");
  let best: { template: string; literals: number } | undefined;
  for (const [template, item] of Object.entries(spec().paths)) {
    if (!item[method.toLowerCase()]) continue;
    const parts = template.split("/");
    if (parts.length !== segments.length) continue;
    let literals = 0;
    const fits = parts.every((part, i) => {
      if (/^\{.+\}$/.test(part)) return true;
      literals++;
      return part === segments[i];
    });
    if (fits && (!best || literals > best.literals)) best = { template, literals };
  }
  return best?.template;
}

function bodyPropertyNames(schema: Schema): Set<string> {
  const s = deref(schema);
  const names = new Set(Object.keys(s.properties ?? {}));
  for (const part of [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])]) {
    for (const name of bodyPropertyNames(part)) names.add(name);
  }
  return names;
}

/** Everything about `call` that the spec does not declare; empty when the call conforms. */
export function specProblems(call: RecordedCall): string[] {
  const method = call.method.toLowerCase();
  const template = matchTemplate(method, decodeURI(call.path));
  if (!template) return [`${call.method} ${call.path}: no such operation in clerk-bapi.yml`];
  const item = spec().paths[template]!;
  const operation = item[method]!;
  const problems: string[] = [];

  const params = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(deref);
  const queryNames = new Set(params.filter((p) => p.in === "query").map((p) => p.name));
  for (const name of Object.keys(call.query)) {
    if (!queryNames.has(name))
      problems.push(`${call.method} ${template}: query "${name}" undeclared`);
  }

  const content = operation.requestBody ? deref(operation.requestBody).content : undefined;
  const sent: [string, string[]][] = [];
  if (call.json !== undefined) {
    sent.push(["application/json", Object.keys(call.json as object)]);
  }
  if (call.form) sent.push(["multipart/form-data", [...new Set(call.form.keys())]]);
  for (const [mediaType, keys] of sent) {
    const declared = content?.[mediaType];
    if (!declared) {
      problems.push(`${call.method} ${template}: no ${mediaType} body declared`);
      continue;
    }
    const names = bodyPropertyNames(declared.schema);
    for (const key of keys) {
      if (!names.has(key)) problems.push(`${call.method} ${template}: body "${key}" undeclared`);
    }
  }
  return problems;
}

function typeOk(type: string | undefined, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

function validate(schemaNode: Schema, value: unknown, at: string): string[] {
  const schema = deref(schemaNode);
  if (value === null) return schema.nullable || !schema.type ? [] : [`${at}: null not allowed`];
  if (schema.allOf) return schema.allOf.flatMap((part) => validate(part, value, at));
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const results = alternatives.map((part) => validate(part, value, at));
    return results.some((r) => r.length === 0) ? [] : (results[0] ?? []);
  }
  if (!typeOk(schema.type, value)) return [`${at}: expected ${schema.type}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: not in enum`];
  if (Array.isArray(value) && schema.items) {
    const items = schema.items;
    return value.flatMap((item, i) => validate(items, item, `${at}[${i}]`));
  }
  if (schema.properties && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const missing = (schema.required ?? [])
      .filter((key) => !(key in record))
      .map((key) => `${at}.${key}: required`);
    const nested = Object.entries(schema.properties).flatMap(([key, sub]) =>
      key in record ? validate(sub, record[key], `${at}.${key}`) : [],
    );
    return [...missing, ...nested];
  }
  return [];
}

/** Where `body` differs from the spec's 200 response schema for the call's operation. */
export function responseProblems(call: RecordedCall, body: unknown): string[] {
  const method = call.method.toLowerCase();
  const template = matchTemplate(method, decodeURI(call.path));
  if (!template) return [`${call.method} ${call.path}: no such operation`];
  const responses = spec().paths[template]![method]!.responses ?? {};
  const ok = responses["200"];
  const schema = ok ? deref(ok).content?.["application/json"]?.schema : undefined;
  if (!schema) return [];
  // Lists sent with paginated=true come back as { data, total_count } around the declared items.
  if (deref(schema).type === "array" && body !== null && typeof body === "object") {
    if (!Array.isArray(body)) return validate(schema, (body as { data?: unknown }).data, "data");
  }
  return validate(schema, body, "body");
}

/**
 * How {@link specSample} fills a schema: `required` gives only the required properties (plus
 * `id` and `object`, which Clerk always sends) with every nullable one `null` and nested arrays
 * empty; `full` gives every property, nullable ones `null`, arrays with one item. A top-level
 * array always gets one item.
 */
export type SampleMode = "required" | "full";

function sample(node: Schema, mode: SampleMode, depth: number): unknown {
  if (depth > 16) throw new Error("specSample: schema nests too deep (a cycle?)");
  const schema = deref(node);
  if (schema.allOf) {
    return Object.assign({}, ...schema.allOf.map((part) => sample(part, mode, depth)));
  }
  const first = (schema.oneOf ?? schema.anyOf)?.[0];
  if (first) return sample(first, mode, depth);
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  switch (schema.type) {
    case "string":
      return "x";
    case "integer":
    case "number":
      return 1;
    case "boolean":
      return true;
    case "array":
      return schema.items && (depth === 0 || (mode === "full" && depth < 8))
        ? [sample(schema.items, mode, depth + 1)]
        : [];
    default: {
      const out: Record<string, unknown> = {};
      const required = new Set([...(schema.required ?? []), "id", "object"]);
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        if (mode === "required" && !required.has(key)) continue;
        const resolved = deref(sub);
        out[key] = resolved.nullable ? null : sample(sub, mode, depth + 1);
      }
      return out;
    }
  }
}

/** A JSON object shaped by `components.schemas[name]` of clerk-bapi.yml (snake_case keys). */
export function specSample(name: string, mode: SampleMode): unknown {
  return sample({ $ref: `#/components/schemas/${name}` }, mode, 0);
}
