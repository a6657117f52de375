import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";

const SPEC_URL = new URL("../../../../../../shared/specs/clerk-bapi.yml", import.meta.url);

/** Why spec checks are skipped, or undefined when `<repo>/../shared/specs/clerk-bapi.yml` exists. */
export const SPEC_SKIP_REASON = existsSync(SPEC_URL)
  ? undefined
  : "../shared/specs/clerk-bapi.yml is absent";

interface Schema {
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
  $ref?: string;
}

let schemas: Record<string, Schema> | undefined;

function schemaNamed(name: string): Schema {
  schemas ??= (
    parse(readFileSync(SPEC_URL, "utf8")) as { components: { schemas: Record<string, Schema> } }
  ).components.schemas;
  const schema = schemas[name];
  if (schema === undefined) throw new Error(`No schema ${name} in clerk-bapi.yml`);
  return schema;
}

function resolve(schema: Schema): Schema {
  return schema.$ref === undefined ? schema : schemaNamed(schema.$ref.split("/").at(-1) ?? "");
}

/**
 * Problems of `value` against a component schema of the spec: missing required properties, wrong
 * JSON types, and unknown properties where `additionalProperties: false` (recursively, for
 * objects and arrays). Empty when the value conforms.
 */
export function specProblems(name: string, value: unknown): string[] {
  const problems: string[] = [];
  const check = (schema: Schema, node: unknown, path: string) => {
    const s = resolve(schema);
    if (s.type === "object" || s.properties !== undefined) {
      if (typeof node !== "object" || node === null || Array.isArray(node)) {
        problems.push(`${path}: not an object`);
        return;
      }
      const record = node as Record<string, unknown>;
      for (const key of s.required ?? []) {
        if (!(key in record)) problems.push(`${path}.${key}: missing`);
      }
      for (const [key, child] of Object.entries(record)) {
        const property = s.properties?.[key];
        if (property !== undefined) check(property, child, `${path}.${key}`);
        else if (s.additionalProperties === false) problems.push(`${path}.${key}: not in the spec`);
      }
    } else if (s.type === "array") {
      if (!Array.isArray(node)) {
        problems.push(`${path}: not an array`);
      } else if (s.items !== undefined) {
        const items = s.items;
        node.forEach((item, i) => {
          check(items, item, `${path}[${i}]`);
        });
      }
    } else if (s.type === "string" && typeof node !== "string") {
      problems.push(`${path}: not a string`);
    } else if (s.type === "boolean" && typeof node !== "boolean") {
      problems.push(`${path}: not a boolean`);
    }
  };
  check(schemaNamed(name), value, name);
  return problems;
}
