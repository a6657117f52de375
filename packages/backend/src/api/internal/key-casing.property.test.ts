import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyParams } from "../../../../../test/property-params.js";
import { camelizeKeys, toCamelKey } from "./camelize-keys.js";
import { isOpaqueKey } from "./opaque-keys.js";
import { snakeCaseKeys, toSnakeKey } from "./snake-case-keys.js";

/**
 * Plain snake_case keys as the Backend API uses them: lowercase words of two or more letters
 * or digits, each starting with a letter (`email_address`, `web3_wallet`, `org_id`).
 */
const snakeKey = fc
  .array(fc.stringMatching(/^[a-z][a-z0-9]{1,7}$/), { minLength: 1, maxLength: 4 })
  .map((words) => words.join("_"))
  .filter((key) => !isOpaqueKey(key));

const METADATA_KEYS = ["public_metadata", "private_metadata", "unsafe_metadata"] as const;
const OPAQUE_SNAKE = [...METADATA_KEYS, "claims", "actor"] as const;

/** Every key of every object in `value`, except below opaque keys. */
function keysOutsideOpaque(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOutsideOpaque);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    isOpaqueKey(key) ? [key] : [key, ...keysOutsideOpaque(inner)],
  );
}

/** JSON objects whose keys are plain snake_case at every level (outside opaque values). */
const snakeTree = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie("node"), { maxLength: 3 }),
    fc.dictionary(snakeKey, tie("node"), { maxKeys: 4 }),
  ),
})).node;

describe("key casing (properties)", () => {
  it("snake → camel → snake gives the key back", () => {
    fc.assert(
      fc.property(snakeKey, (key) => {
        expect(toSnakeKey(toCamelKey(key))).toBe(key);
      }),
      propertyParams(),
    );
  });

  it("camel → snake → camel gives the key back", () => {
    fc.assert(
      fc.property(snakeKey, (snake) => {
        const camel = toCamelKey(snake);
        expect(toCamelKey(toSnakeKey(camel))).toBe(camel);
      }),
      propertyParams(),
    );
  });

  it("both directions are idempotent", () => {
    fc.assert(
      fc.property(snakeKey, (key) => {
        expect(toSnakeKey(key)).toBe(key);
        const camel = toCamelKey(key);
        expect(toCamelKey(camel)).toBe(camel);
        expect(camel).not.toContain("_");
      }),
      propertyParams(),
    );
  });

  it("snakeCaseKeys(camelizeKeys(flat object)) is the object again", () => {
    const flat = fc.dictionary(
      snakeKey,
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    );
    fc.assert(
      fc.property(flat, (object) => {
        expect(snakeCaseKeys(camelizeKeys(object) as object)).toEqual(object);
      }),
      propertyParams(),
    );
  });

  it("camelizeKeys leaves no snake_case key at any depth", () => {
    fc.assert(
      fc.property(snakeTree, (tree) => {
        for (const key of keysOutsideOpaque(camelizeKeys(tree))) {
          expect(key).not.toMatch(/_[a-z0-9]/);
        }
      }),
      propertyParams(),
    );
  });

  it("metadata, claims and actor come back verbatim from camelizeKeys", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), snakeTree), snakeKey, (value, sibling) => {
        const input: Record<string, unknown> = { [sibling]: 1 };
        for (const key of OPAQUE_SNAKE) input[key] = value;
        const output = camelizeKeys({ outer_object: [input] }) as {
          outerObject: Record<string, unknown>[];
        };
        const inner = output.outerObject[0];
        expect(inner?.[toCamelKey(sibling)]).toBe(1);
        for (const key of OPAQUE_SNAKE) {
          expect(inner?.[toCamelKey(key)]).toStrictEqual(value);
        }
      }),
      propertyParams(),
    );
  });

  it("metadata goes out verbatim from snakeCaseKeys", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const output = snakeCaseKeys({
          publicMetadata: value,
          privateMetadata: value,
          unsafeMetadata: value,
          claims: value,
        });
        for (const key of [...METADATA_KEYS, "claims"]) {
          expect(output[key]).toBe(value);
        }
      }),
      propertyParams(),
    );
  });

  it("camelizeKeys never touches Object.prototype, whatever the keys", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = JSON.stringify(value);
        const input: unknown = JSON.parse(`{"__proto__":${json},"nested":{"__proto__":${json}}}`);
        const output = camelizeKeys(input);
        expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
        expect(Object.getPrototypeOf(Object.prototype)).toBeNull();
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      propertyParams(),
    );
  });
});

describe("key casing (examples)", () => {
  it.each([
    ["email_addresses", "emailAddresses"],
    ["web3_wallet", "web3Wallet"],
    ["primary_email_address_id", "primaryEmailAddressId"],
    ["clerk_trace_id", "clerkTraceId"],
    ["id", "id"],
  ])("%s ↔ %s", (snake, camel) => {
    expect(toCamelKey(snake)).toBe(camel);
    expect(toSnakeKey(camel)).toBe(snake);
  });

  it("maps @clerk/backend's ID spellings to snake_case", () => {
    expect(toSnakeKey("primaryEmailAddressID")).toBe("primary_email_address_id");
    expect(toSnakeKey("profileImageID")).toBe("profile_image_id");
  });
});
