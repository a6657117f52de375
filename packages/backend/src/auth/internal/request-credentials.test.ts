import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyParams } from "../../../../../test/property-params.js";
import { bearerToken, cookieValue } from "./request-credentials.js";

describe("cookieValue", () => {
  it("finds exact names only, trims, unquotes, first occurrence wins", () => {
    const header = 'a=1; __session_x=no; x__session=no; __session = "tok" ; __session=second';
    expect(cookieValue(header, "__session")).toBe("tok");
    expect(cookieValue("__client_uat=17", "__client_uat")).toBe("17");
    expect(cookieValue("__client_uat", "__client_uat")).toBeUndefined();
    expect(cookieValue("", "__session")).toBeUndefined();
  });

  it("a name sent twice: the first wins, whatever the second holds", () => {
    expect(cookieValue("__session=first; a=1; __session=second", "__session")).toBe("first");
    expect(cookieValue("__session=; __session=second", "__session")).toBe("");
    expect(cookieValue("a=1;__client_uat=0;__client_uat=1700000000", "__client_uat")).toBe("0");
  });

  it("property: agrees with a straightforward parser on well-formed headers", () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
    const value = fc.stringMatching(/^[A-Za-z0-9._-]{0,20}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { maxLength: 6 }), name, (pairs, wanted) => {
        const header = pairs.map(([n, v]) => `${n}=${v}`).join("; ");
        const expected = pairs.find(([n]) => n === wanted)?.[1];
        expect(cookieValue(header, wanted)).toBe(expected);
      }),
      propertyParams(),
    );
  });

  it("property: never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (header, wanted) => {
        const result = cookieValue(header, wanted);
        expect(result === undefined || typeof result === "string").toBe(true);
      }),
      propertyParams(),
    );
  });
});

describe("bearerToken", () => {
  it("takes the Bearer scheme case-insensitively and nothing else", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer   abc  ")).toBe("abc");
    expect(bearerToken("Bearer ")).toBeUndefined();
    expect(bearerToken("Basic abc")).toBeUndefined();
    expect(bearerToken("Bearerabc")).toBeUndefined();
    expect(bearerToken(null)).toBeUndefined();
  });

  it("property: never throws, and what it returns is a non-empty trimmed string", () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        const token = bearerToken(header);
        if (token !== undefined) {
          expect(token.length).toBeGreaterThan(0);
          expect(token).toBe(token.trim());
        }
      }),
      propertyParams(),
    );
  });
});
