import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { parse } from "yaml";
import { noteCheckNotMade } from "../../../test/skip-when.js";

/** The contract specs tests check against: Backend API, Frontend API and webhook events. */
export type SpecName = "bapi" | "fapi" | "webhooks";

/** The part of an OpenAPI 3.0 schema object the shape check reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
}

/** A request or response body of one media type, with its examples. */
export interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { $ref?: string; value?: unknown }>;
}

/** A path, query or header parameter (or a `$ref` to one). */
export interface Parameter {
  $ref?: string;
  name: string;
  in: string;
}

type Responses = Record<string, { $ref?: string; content?: Record<string, MediaType> }>;

/** One operation of a path. */
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { $ref?: string; content?: Record<string, MediaType> };
  responses?: Responses;
}

/** The HTTP methods a path item may declare, lower case as in the spec. */
export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** A path of the spec: its operations by method, and parameters they share. */
export type PathItem = Partial<Record<HttpMethod, Operation>> & { parameters?: Parameter[] };

/** The part of an OpenAPI 3.0 document the checks read. */
export interface OpenApiDocument {
  "x-webhooks"?: Record<string, { post?: Operation }>;
  paths?: Record<string, PathItem>;
  components?: {
    schemas?: Record<string, Schema>;
    responses?: Responses;
    examples?: Record<string, { value?: unknown }>;
  };
}

/** A contract spec, read and parsed on first use. */
export interface OpenApiSpec {
  readonly name: SpecName;
  /** The file's name, e.g. `clerk-bapi.yml`. */
  readonly file: string;
  /**
   * Why checks against this spec cannot be made (`<repo>/../shared/specs/<file>` is absent), or
   * undefined when they can.
   */
  readonly skipReason: string | undefined;
  /** The parsed document; reading it throws when the spec file is absent. */
  readonly document: OpenApiDocument;
}

const SPECS_DIR = new URL("../../../../shared/specs/", import.meta.url);
const SPEC_FILES: Readonly<Record<SpecName, string>> = {
  bapi: "clerk-bapi.yml",
  fapi: "clerk-fapi.yml",
  webhooks: "clerk-webhooks.yml",
};

const loaded = new Map<SpecName, OpenApiSpec>();

/**
 * The Backend (`"bapi"`) or Frontend (`"fapi"`) API spec, or the webhook events
 * (`"webhooks"`). Cheap and safe at module level, specs present or not: the file is read and
 * parsed once, on the first check that needs it.
 *
 * @example
 * const bapi = loadSpec("bapi");
 * it("answers a User", async () => {
 *   const user = await createUser();
 *   expect(user.first_name).toBe("Ada"); // behaviour: always checked
 *   expectMatchesSpec(bapi, "User", user); // shape: checked when the spec is there
 * });
 */
export function loadSpec(name: SpecName): OpenApiSpec {
  const known = loaded.get(name);
  if (known !== undefined) return known;
  const file = SPEC_FILES[name];
  const path = fileURLToPath(new URL(file, SPECS_DIR));
  let document: OpenApiDocument | undefined;
  const spec: OpenApiSpec = {
    name,
    file,
    skipReason: existsSync(path) ? undefined : `../shared/specs/${file} is absent`,
    get document() {
      document ??= parse(readFileSync(path, "utf8"), { maxAliasCount: -1 }) as OpenApiDocument;
      return document;
    },
  };
  loaded.set(name, spec);
  return spec;
}

/**
 * Expects `value` to conform to the component schema `schemaName` of `spec` (see
 * {@link shapeProblems}). When the spec file is absent it checks nothing and notes on the running
 * test why: the run's report lists it, and CI (`LATCHKEY_FORBID_SKIPS=1`) fails on it. Only the
 * shape depends on the spec; a test's other assertions always run.
 *
 * @example
 * expectMatchesSpec(loadSpec("bapi"), "Session", answer.body);
 */
export function expectMatchesSpec(spec: OpenApiSpec, schemaName: string, value: unknown): void {
  expectNoProblems(spec, schemaName, () => shapeProblems(spec, schemaName, value));
}

/**
 * Expects an answer to conform to the spec's response schema for an operation and status (see
 * {@link responseShapeProblems}); a no-op, noted on the test, when the spec file is absent.
 *
 * @example
 * expectResponseMatchesSpec(bapi, "get", "/organizations/{organization_id}", 200, answer.body);
 */
export function expectResponseMatchesSpec(
  spec: OpenApiSpec,
  method: string,
  path: string,
  status: number,
  value: unknown,
): void {
  expectNoProblems(spec, `${method} ${path} ${status}`, () =>
    responseShapeProblems(spec, method, path, status, value),
  );
}

/**
 * Expects webhook events (whole envelopes) to conform to their schemas in clerk-webhooks.yml (see
 * {@link webhookEventProblems}); a no-op, noted on the test, when the spec file is absent.
 *
 * @example
 * expectEventsMatchSpec(loadSpec("webhooks"), rows.map((row) => row.payload));
 */
export function expectEventsMatchSpec(
  spec: OpenApiSpec,
  payloads: readonly { type?: unknown }[],
): void {
  expectNoProblems(spec, "webhook events", () =>
    payloads.flatMap((payload) => webhookEventProblems(spec, payload)),
  );
}

function expectNoProblems(spec: OpenApiSpec, what: string, problems: () => string[]): void {
  if (spec.skipReason !== undefined) {
    noteCheckNotMade(`shape against ${spec.file}: ${spec.skipReason}`);
    return;
  }
  expect(problems(), `${what} against ${spec.file}`).toEqual([]);
}

/**
 * `node` with its `$ref`s (local JSON pointers) followed until a node without one.
 *
 * @throws Error on an unresolvable or looping `$ref`, or when the spec file is absent.
 * @example
 * const body = resolveRef(bapi, operation.requestBody ?? {});
 */
export function resolveRef<T extends { $ref?: string }>(spec: OpenApiSpec, node: T): T {
  return new ShapeChecker(spec).deref(node);
}

/**
 * Problems of `value` against an inline schema node of `spec` (as {@link shapeProblems} for a
 * named one), each prefixed with `at`. Empty when the value conforms.
 *
 * @throws Error when the spec file is absent.
 * @example
 * expect(schemaProblems(bapi, { $ref: "#/components/schemas/User" }, body, "body")).toEqual([]);
 */
export function schemaProblems(spec: OpenApiSpec, schema: Schema, value: unknown, at: string) {
  return new ShapeChecker(spec).problems(schema, value, at);
}

/**
 * Problems of a webhook event (the whole envelope) against the event's schema in
 * clerk-webhooks.yml (`x-webhooks[type]`). Empty when it conforms.
 *
 * @example
 * expect(webhookEventProblems(loadSpec("webhooks"), outboxPayload)).toEqual([]);
 */
export function webhookEventProblems(spec: OpenApiSpec, payload: { type?: unknown }): string[] {
  const type = String(payload.type);
  const schema =
    spec.document["x-webhooks"]?.[type]?.post?.requestBody?.content?.["application/json"]?.schema;
  if (schema === undefined) return [`no event ${type} in the ${spec.name} spec`];
  return new ShapeChecker(spec).problems(schema, payload, type);
}

/**
 * Problems of `value` against the component schema `schemaName` of `spec`: missing required
 * properties, wrong JSON types, `null` where not nullable, values outside an enum, properties
 * not declared where `additionalProperties: false`, and `allOf` / `oneOf` / `anyOf`
 * compositions, recursively. Empty when the value conforms.
 *
 * @throws Error when the spec has no such schema (or its file is absent).
 * @example
 * expect(shapeProblems(loadSpec("bapi"), "Session", answer.body)).toEqual([]);
 */
export function shapeProblems(spec: OpenApiSpec, schemaName: string, value: unknown): string[] {
  const schema = spec.document.components?.schemas?.[schemaName];
  if (schema === undefined) throw new Error(`No schema ${schemaName} in the ${spec.name} spec`);
  return new ShapeChecker(spec).problems(schema, value, schemaName);
}

/**
 * Problems of an answer against the spec's JSON response schema for an operation (`method` and
 * path template, e.g. `"/organizations/{organization_id}"`) and status. An operation or status the
 * spec does not declare is itself a problem. Empty when the answer conforms.
 *
 * @throws Error when the spec file is absent.
 * @example
 * expect(responseShapeProblems(bapi, "get", "/organizations", 200, answer.body)).toEqual([]);
 */
export function responseShapeProblems(
  spec: OpenApiSpec,
  method: string,
  path: string,
  status: number,
  value: unknown,
): string[] {
  const checker = new ShapeChecker(spec);
  const operation = spec.document.paths?.[path]?.[method.toLowerCase() as HttpMethod];
  if (operation === undefined) return [`${method} ${path}: not in the spec`];
  const declared = operation.responses?.[String(status)];
  if (declared === undefined) return [`${method} ${path}: status ${status} not declared`];
  const schema = checker.deref(declared).content?.["application/json"]?.schema;
  if (schema === undefined) return [`${method} ${path} ${status}: no JSON schema`];
  return checker.problems(schema, value, "$");
}

/** Walks a value and a schema of one spec side by side. */
class ShapeChecker {
  constructor(private readonly spec: OpenApiSpec) {}

  /** Follows `$ref`s (local JSON pointers) until a node without one. */
  deref<T extends { $ref?: string }>(node: T): T {
    let current = node;
    for (let hops = 0; current.$ref !== undefined; hops++) {
      if (hops > 32) throw new Error(`$ref loop at ${current.$ref} in the ${this.spec.name} spec`);
      const ref = current.$ref;
      const target = ref
        .replace(/^#\//, "")
        .split("/")
        .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
        .reduce<unknown>(
          (at, key) =>
            typeof at === "object" && at !== null
              ? (at as Record<string, unknown>)[key]
              : undefined,
          this.spec.document,
        );
      if (typeof target !== "object" || target === null) {
        throw new Error(`Unresolvable $ref ${ref} in the ${this.spec.name} spec`);
      }
      current = target as T;
    }
    return current;
  }

  /** Problems of `value` against `node`, each prefixed with its location `at`. */
  problems(node: Schema, value: unknown, at: string): string[] {
    const schema = this.flatten(node);
    if (value === null) return this.admitsNull(node) ? [] : [`${at}: null but not nullable`];
    const problems: string[] = [];
    for (const keyword of ["oneOf", "anyOf"] as const) {
      const alternatives = schema[keyword];
      if (alternatives === undefined) continue;
      const results = alternatives.map((part) => this.problems(part, value, at));
      if (results.some((r) => r.length === 0)) continue;
      const closest = results.reduce((a, b) => (b.length < a.length ? b : a), results[0] ?? []);
      problems.push(`${at}: matches none of ${keyword} (closest: ${closest.join("; ")})`);
    }
    const type = schema.type ?? (schema.properties !== undefined ? "object" : undefined);
    if (!typeMatches(type, value)) return [...problems, `${at}: expected ${type}`];
    if (schema.enum !== undefined && !schema.enum.includes(value)) {
      problems.push(`${at}: ${String(value)} not in enum`);
    }
    if (Array.isArray(value)) {
      const items = schema.items;
      if (items !== undefined) {
        value.forEach((item, i) => {
          problems.push(...this.problems(items, item, `${at}[${i}]`));
        });
      }
    } else if (typeof value === "object") {
      const record = value as Record<string, unknown>;
      for (const name of schema.required ?? []) {
        if (record[name] === undefined) problems.push(`${at}.${name}: required`);
      }
      for (const [name, child] of Object.entries(record)) {
        if (child === undefined) continue;
        const property = schema.properties?.[name];
        const extra = schema.additionalProperties;
        if (property !== undefined)
          problems.push(...this.problems(property, child, `${at}.${name}`));
        else if (extra === false) problems.push(`${at}.${name}: not allowed`);
        else if (typeof extra === "object") {
          problems.push(...this.problems(extra, child, `${at}.${name}`));
        }
      }
    }
    return problems;
  }

  /**
   * Whether `null` fits: the schema (or what its `$ref` names) is nullable, every `allOf` part
   * admits it, or some `oneOf` / `anyOf` alternative does.
   */
  private admitsNull(node: Schema): boolean {
    if (node.nullable === true) return true;
    const schema = this.deref(node);
    if (schema.nullable === true) return true;
    if (schema.allOf?.every((part) => this.admitsNull(part))) {
      return true;
    }
    return [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].some((part) => this.admitsNull(part));
  }

  /**
   * Resolves `$ref`s and merges `allOf` parts into one schema: required and properties united,
   * `additionalProperties: false` when any part says so (checked against the united properties).
   */
  private flatten(node: Schema): Schema {
    const schema = this.deref(node);
    if (schema.allOf === undefined) return schema;
    const merged: Schema = {
      ...schema,
      allOf: undefined,
      required: [...(schema.required ?? [])],
    };
    for (const part of schema.allOf.map((p) => this.flatten(p))) {
      merged.type ??= part.type;
      merged.required = [...(merged.required ?? []), ...(part.required ?? [])];
      if (part.properties !== undefined) {
        merged.properties = { ...merged.properties, ...part.properties };
      }
      if (part.additionalProperties === false) merged.additionalProperties = false;
      else merged.additionalProperties ??= part.additionalProperties;
      merged.oneOf ??= part.oneOf;
      merged.anyOf ??= part.anyOf;
      merged.enum ??= part.enum;
      merged.items ??= part.items;
    }
    return merged;
  }
}

function typeMatches(type: string | undefined, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
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
