import {
  type HttpMethod,
  loadSpec,
  type OpenApiSpec,
  type PathItem,
  resolveRef,
  type Schema,
  schemaProblems,
} from "../../../server/test/openapi-shape.js";
import type { RecordedCall } from "./fake-fetch.test-helpers.js";

/**
 * clerk-bapi.yml, read by the one spec checker the server's tests use too. `bapi.skipReason` says
 * why contract checks cannot be made (the file is absent).
 */
export const bapi: OpenApiSpec = loadSpec("bapi");

const paths = (): Record<string, PathItem> => bapi.document.paths ?? {};
const deref = <T extends { $ref?: string }>(node: T): T => resolveRef(bapi, node);

/** The spec's path template a concrete path matches, preferring literal segments. */
function matchTemplate(method: string, path: string): string | undefined {
  const segments = path.split("/");
  let best: { template: string; literals: number } | undefined;
  for (const [template, item] of Object.entries(paths())) {
    if (!item[method.toLowerCase() as HttpMethod]) continue;
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
  const method = call.method.toLowerCase() as HttpMethod;
  const template = matchTemplate(method, decodeURI(call.path));
  if (!template) return [`${call.method} ${call.path}: no such operation in clerk-bapi.yml`];
  const item = paths()[template]!;
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
    const names = bodyPropertyNames(declared.schema ?? {});
    for (const key of keys) {
      if (!names.has(key)) problems.push(`${call.method} ${template}: body "${key}" undeclared`);
    }
  }
  return problems;
}

/**
 * Where `body` differs from the spec's 200 response schema for the call's operation. A property
 * the schema does not declare is not a problem here: replies may carry fields a later Clerk adds,
 * and the client must pass over them (some fixtures do so on purpose).
 */
export function responseProblems(call: RecordedCall, body: unknown): string[] {
  return declaredShapeProblems(call, body).filter((problem) => !problem.endsWith(": not allowed"));
}

function declaredShapeProblems(call: RecordedCall, body: unknown): string[] {
  const method = call.method.toLowerCase() as HttpMethod;
  const template = matchTemplate(method, decodeURI(call.path));
  if (!template) return [`${call.method} ${call.path}: no such operation`];
  const responses = paths()[template]![method]!.responses ?? {};
  const ok = responses["200"];
  const schema = ok ? deref(ok).content?.["application/json"]?.schema : undefined;
  if (!schema) return [];
  // Lists sent with paginated=true come back as { data, total_count } around the declared items.
  if (deref(schema).type === "array" && body !== null && typeof body === "object") {
    if (!Array.isArray(body)) {
      return schemaProblems(bapi, schema, (body as { data?: unknown }).data, "data");
    }
  }
  return schemaProblems(bapi, schema, body, "body");
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
