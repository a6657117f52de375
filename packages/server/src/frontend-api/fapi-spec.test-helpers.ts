import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";

const SPEC_URL = new URL("../../../../../shared/specs/clerk-fapi.yml", import.meta.url);

/** Why shape checks are skipped, or undefined when `<repo>/../shared/specs/clerk-fapi.yml` exists. */
export const FAPI_SPEC_SKIP_REASON = existsSync(SPEC_URL)
  ? undefined
  : "../shared/specs/clerk-fapi.yml is absent";

interface Schema {
  type?: string;
  nullable?: boolean;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  $ref?: string;
}

let schemas: Record<string, Schema> | undefined;

function component(name: string): Schema {
  schemas ??= (
    parse(readFileSync(SPEC_URL, "utf8")) as { components: { schemas: Record<string, Schema> } }
  ).components.schemas;
  const schema = schemas[name];
  if (schema === undefined) throw new Error(`No schema ${name} in clerk-fapi.yml`);
  return schema;
}

function resolve(schema: Schema): Schema {
  return schema.$ref === undefined ? schema : component(schema.$ref.split("/").at(-1) ?? "");
}

/** Merges `allOf` parts into one object schema (required and properties united). */
function flatten(schema: Schema): Schema {
  const s = resolve(schema);
  if (s.allOf === undefined) return s;
  const merged: Schema = { ...s, allOf: undefined, required: [...(s.required ?? [])] };
  merged.properties = { ...s.properties };
  for (const part of s.allOf.map(flatten)) {
    if (part.oneOf !== undefined && merged.oneOf === undefined) merged.oneOf = part.oneOf;
    merged.type ??= part.type;
    merged.required = [...(merged.required ?? []), ...(part.required ?? [])];
    merged.properties = { ...merged.properties, ...part.properties };
    if (part.enum !== undefined) merged.enum = part.enum;
    if (part.items !== undefined) merged.items = part.items;
  }
  return merged;
}

function check(schema: Schema, node: unknown, path: string, problems: string[]): void {
  const s = flatten(schema);
  if (node === null) {
    if (!s.nullable && !resolve(schema).nullable) problems.push(`${path}: null but not nullable`);
    return;
  }
  if (s.oneOf !== undefined) {
    const fits = s.oneOf.some((option) => {
      const inner: string[] = [];
      check(option, node, path, inner);
      return inner.length === 0;
    });
    if (!fits) problems.push(`${path}: matches none of oneOf`);
    return;
  }
  if (s.enum !== undefined && !s.enum.includes(node)) {
    problems.push(`${path}: ${String(node)} not in enum`);
  }
  const type = s.type ?? (s.properties ? "object" : undefined);
  if (type === "object") {
    if (typeof node !== "object" || Array.isArray(node)) {
      problems.push(`${path}: not an object`);
      return;
    }
    const record = node as Record<string, unknown>;
    for (const key of s.required ?? []) {
      if (!(key in record)) problems.push(`${path}.${key}: missing`);
    }
    for (const [key, child] of Object.entries(record)) {
      const property = s.properties?.[key];
      if (property !== undefined) check(property, child, `${path}.${key}`, problems);
      else if (s.additionalProperties === false) problems.push(`${path}.${key}: not in the spec`);
    }
  } else if (type === "array") {
    if (!Array.isArray(node)) problems.push(`${path}: not an array`);
    else if (s.items !== undefined) {
      const items = s.items;
      node.forEach((item, i) => {
        check(items, item, `${path}[${i}]`, problems);
      });
    }
  } else if (type === "string" && typeof node !== "string") {
    problems.push(`${path}: not a string`);
  } else if (type === "integer" && !Number.isInteger(node)) {
    problems.push(`${path}: not an integer`);
  } else if (type === "boolean" && typeof node !== "boolean") {
    problems.push(`${path}: not a boolean`);
  }
}

/**
 * Problems of `value` against a component schema of the Frontend API spec (required properties,
 * JSON types, nullability, enums, `additionalProperties: false`, `allOf`, `oneOf`). Empty when it
 * conforms.
 */
export function fapiShapeProblems(name: string, value: unknown): string[] {
  const problems: string[] = [];
  check(component(name), value, name, problems);
  return problems;
}
