import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { skipWhen } from "../../../test/skip-when.js";
import {
  expectMatchesSpec,
  expectResponseMatchesSpec,
  loadSpec,
  type OpenApiSpec,
  responseShapeProblems,
  shapeProblems,
} from "./openapi-shape.js";

/** A small in-memory spec exercising every keyword the checker reads. */
const tiny: OpenApiSpec = {
  name: "bapi",
  file: "tiny.yml",
  skipReason: undefined,
  document: {
    paths: {
      "/things/{id}": {
        get: {
          responses: {
            "200": {
              content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
            },
            "404": { $ref: "#/components/responses/NotFound" },
          },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: "object",
          additionalProperties: false,
          required: ["object", "id", "count"],
          properties: {
            object: { type: "string", enum: ["thing"] },
            id: { type: "string" },
            count: { type: "integer" },
            ratio: { type: "number" },
            label: { type: "string", nullable: true },
            owner: { $ref: "#/components/schemas/Owner" },
            maybe_owner: { allOf: [{ $ref: "#/components/schemas/Owner" }], nullable: true },
            tags: { type: "array", items: { type: "string" } },
            extra: { type: "object", additionalProperties: { type: "boolean" } },
            either: { oneOf: [{ type: "string" }, { type: "integer" }] },
          },
        },
        Owner: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
        Stamped: {
          allOf: [
            { $ref: "#/components/schemas/Owner" },
            {
              type: "object",
              additionalProperties: false,
              required: ["at"],
              properties: { at: { type: "integer" } },
            },
          ],
        },
      },
      responses: {
        NotFound: {
          content: { "application/json": { schema: { type: "object", required: ["errors"] } } },
        },
      },
    },
  },
};

const good = { object: "thing", id: "t_1", count: 3 };

describe("shapeProblems", () => {
  it("finds nothing wrong with a conforming value", () => {
    const full = {
      ...good,
      ratio: 0.5,
      label: null,
      owner: { id: "o" },
      maybe_owner: null,
      tags: ["a"],
      extra: { x: true },
      either: 4,
    };
    expect(shapeProblems(tiny, "Thing", full)).toEqual([]);
  });

  it("reports missing, mistyped, unknown, null and out-of-enum values with their place", () => {
    const problems = shapeProblems(tiny, "Thing", {
      object: "other",
      count: 1.5,
      ratio: "half",
      owner: null,
      tags: ["a", 2],
      extra: { x: "yes" },
      either: false,
      surprise: 1,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "Thing.id: required",
        "Thing.object: other not in enum",
        "Thing.count: expected integer",
        "Thing.ratio: expected number",
        "Thing.owner: null but not nullable",
        "Thing.tags[1]: expected string",
        "Thing.extra.x: expected boolean",
        "Thing.surprise: not allowed",
      ]),
    );
    expect(problems.some((p) => p.startsWith("Thing.either: matches none of oneOf"))).toBe(true);
    expect(shapeProblems(tiny, "Thing", null)).toEqual(["Thing: null but not nullable"]);
    expect(shapeProblems(tiny, "Thing", [good])).toEqual(["Thing: expected object"]);
  });

  it("unites allOf parts, so additionalProperties: false sees every part's properties", () => {
    expect(shapeProblems(tiny, "Stamped", { id: "o", at: 1 })).toEqual([]);
    expect(shapeProblems(tiny, "Stamped", { at: 1, other: true })).toEqual([
      "Stamped.id: required",
      "Stamped.other: not allowed",
    ]);
    expect(shapeProblems(tiny, "Thing", { ...good, maybe_owner: {} })).toEqual([
      "Thing.maybe_owner.id: required",
    ]);
  });

  it("throws on a schema the spec does not have", () => {
    expect(() => shapeProblems(tiny, "Nothing", {})).toThrow("No schema Nothing");
  });
});

describe("responseShapeProblems", () => {
  it("checks against the operation's response schema, following response $refs", () => {
    expect(responseShapeProblems(tiny, "GET", "/things/{id}", 200, good)).toEqual([]);
    expect(responseShapeProblems(tiny, "get", "/things/{id}", 200, { id: "t" })).toEqual([
      "$.object: required",
      "$.count: required",
    ]);
    expect(responseShapeProblems(tiny, "get", "/things/{id}", 404, {})).toEqual([
      "$.errors: required",
    ]);
  });

  it("reports an undeclared operation or status", () => {
    expect(responseShapeProblems(tiny, "post", "/things/{id}", 200, good)).toEqual([
      "post /things/{id}: not in the spec",
    ]);
    expect(responseShapeProblems(tiny, "get", "/things/{id}", 500, good)).toEqual([
      "get /things/{id}: status 500 not declared",
    ]);
  });
});

describe("expectMatchesSpec and expectResponseMatchesSpec", () => {
  const absent: OpenApiSpec = {
    name: "bapi",
    file: "absent.yml",
    skipReason: "../shared/specs/absent.yml is absent",
    get document(): never {
      throw new Error("the spec file was read");
    },
  };

  it("pass a conforming value and fail on a problem, naming it", () => {
    expectMatchesSpec(tiny, "Thing", good);
    expectResponseMatchesSpec(tiny, "get", "/things/{id}", 200, good);
    expect(() => expectMatchesSpec(tiny, "Thing", { ...good, id: 1 })).toThrow(
      "Thing.id: expected string",
    );
    const noId = { object: "thing", count: 1 };
    expect(() => expectResponseMatchesSpec(tiny, "get", "/things/{id}", 200, noId)).toThrow(
      "$.id: required",
    );
  });

  it("without the spec file check nothing, and note on the test why", ({ task }) => {
    expectMatchesSpec(absent, "Thing", { not: "a thing" });
    expectResponseMatchesSpec(absent, "get", "/things/{id}", 200, null);
    expect(task.meta.checksNotMade).toEqual([
      "shape against absent.yml: ../shared/specs/absent.yml is absent",
    ]);
    // Noted for this assertion only: the run would otherwise list (and CI fail) this test.
    delete task.meta.checksNotMade;
  });
});

describe("loadSpec", () => {
  const bapi = loadSpec("bapi");
  const fapi = loadSpec("fapi");

  it("reads clerk-bapi.yml once and checks its schemas", skipWhen(bapi.skipReason), () => {
    expect(loadSpec("bapi")).toBe(bapi);
    expect(shapeProblems(bapi, "DeletedObject", { object: "user", deleted: true })).toEqual([]);
    expect(shapeProblems(bapi, "DeletedObject", { deleted: "yes", surprise: 1 })).toEqual([
      "DeletedObject.object: required",
      "DeletedObject.deleted: expected boolean",
      "DeletedObject.surprise: not allowed",
    ]);
  });

  it("reads clerk-fapi.yml", skipWhen(fapi.skipReason), () => {
    expect(shapeProblems(fapi, "ClerkErrors", null)).toEqual([
      "ClerkErrors: null but not nullable",
    ]);
  });

  it("says why when a spec file is absent, and only then", () => {
    for (const spec of [bapi, fapi, loadSpec("webhooks")]) {
      const present = existsSync(new URL(`../../../../shared/specs/${spec.file}`, import.meta.url));
      expect(spec.skipReason).toBe(present ? undefined : `../shared/specs/${spec.file} is absent`);
    }
  });
});
