import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** `<repo>/../shared/specs/clerk-bapi.yml`, seen from `packages/server/src/routes/organizations`. */
const specPath = fileURLToPath(
  new URL("../../../../../../shared/specs/clerk-bapi.yml", import.meta.url),
);

/** Why spec checks are skipped (the spec is not there), or undefined when they run. */
export const specSkipReason: string | undefined = existsSync(specPath)
  ? undefined
  : "../shared/specs/clerk-bapi.yml not found";

interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
}

type Responses = Record<string, { $ref?: string; content?: Record<string, { schema: Schema }> }>;
type Spec = { paths: Record<string, Record<string, { responses?: Responses }>> };

let cached: Spec | undefined;
function spec(): Spec {
  cached ??= parse(readFileSync(specPath, "utf8"), { maxAliasCount: -1 }) as Spec;
  return cached;
}

function deref<T extends { $ref?: string }>(node: T): T {
  let current = node;
  for (let hops = 0; current.$ref !== undefined && hops < 20; hops++) {
    const parts = current.$ref.replace(/^#\//, "").split("/");
    current = parts.reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], spec()) as T;
  }
  return current;
}

function typeMatches(type: string | undefined, value: unknown): boolean {
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

function validate(node: Schema, value: unknown, at: string): string[] {
  const schema = deref(node);
  if (value === null) return schema.nullable || schema.type === undefined ? [] : [`${at}: null`];
  if (schema.allOf) {
    return [
      ...schema.allOf.flatMap((part) => validate(part, value, at)),
      ...validate({ ...schema, allOf: undefined }, value, at),
    ];
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const results = alternatives.map((part) => validate(part, value, at));
    return results.some((r) => r.length === 0) ? [] : (results[0] ?? []);
  }
  if (!typeMatches(schema.type, value)) return [`${at}: expected ${schema.type}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${String(value)} not in enum`];
  const problems: string[] = [];
  if (Array.isArray(value) && schema.items) {
    const items = schema.items;
    value.forEach((item, i) => {
      problems.push(...validate(items, item, `${at}[${i}]`));
    });
  }
  if (typeof value === "object" && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (object[name] === undefined) problems.push(`${at}.${name}: required`);
    }
    for (const [name, child] of Object.entries(object)) {
      const property = schema.properties?.[name];
      if (property !== undefined) problems.push(...validate(property, child, `${at}.${name}`));
      else if (schema.additionalProperties === false) problems.push(`${at}.${name}: not allowed`);
    }
  }
  return problems;
}

/**
 * What is wrong with an answer according to the spec's response schema for the operation
 * (`method` + path template) and status; empty when it conforms.
 *
 * @example
 * expect(responseProblems("get", "/organizations/{organization_id}", 200, body)).toEqual([]);
 */
export function responseProblems(
  method: string,
  template: string,
  status: number,
  body: unknown,
): string[] {
  const operation = spec().paths[template]?.[method.toLowerCase()];
  if (operation === undefined) return [`${method} ${template}: not in the spec`];
  const declared = operation.responses?.[String(status)];
  if (declared === undefined) return [`${method} ${template}: status ${status} not declared`];
  const schema = deref(declared).content?.["application/json"]?.schema;
  if (schema === undefined) return [`${method} ${template} ${status}: no JSON schema`];
  return validate(schema, body, "$");
}
