import { describe, expect, it } from "vitest";
import { isApiError } from "../errors/api-error.js";
import { createSecretKeyCheck } from "./secret-key-auth.js";

const KEY = "sk_test_theRealInstanceSecretKey0123";
const check = createSecretKeyCheck(KEY);

function codeOf(authorization: string | null): string | undefined {
  try {
    check(authorization);
    return undefined;
  } catch (error) {
    if (!isApiError(error)) throw error;
    expect(error.message).not.toContain(KEY);
    expect(error.longMessage).not.toContain(KEY);
    return error.code;
  }
}

describe("the secret-key check (fails closed)", () => {
  it("accepts exactly the instance's key, with any Bearer spelling", () => {
    expect(codeOf(`Bearer ${KEY}`)).toBeUndefined();
    expect(codeOf(`bearer ${KEY}`)).toBeUndefined();
  });

  it("refuses a missing header, another scheme, and an empty token", () => {
    for (const value of [null, "", "Basic abc", "Bearer", "Bearer   ", KEY]) {
      expect(codeOf(value)).toBe("authentication_invalid");
    }
  });

  it("refuses Bearer values not shaped like a secret key: clerk_key_invalid", () => {
    for (const value of [
      "Bearer pk_test_abc12345",
      "Bearer sk_test_",
      "Bearer sk_prod_abcdefgh12",
    ]) {
      expect(codeOf(value), value).toBe("clerk_key_invalid");
    }
  });

  it("refuses a header that is not one Bearer value: authentication_invalid", () => {
    for (const value of ["Bearer x".repeat(3), `Bearer ${KEY} ${KEY}`, `Bearer\n${KEY}`]) {
      expect(codeOf(value), value).toBe("authentication_invalid");
    }
  });

  it("refuses near misses: prefixes, extensions, one changed character, the other mode", () => {
    for (const wrong of [
      KEY.slice(0, -1),
      `${KEY}4`,
      `${KEY.slice(0, -1)}4`,
      KEY.replace("sk_test_", "sk_live_"),
    ]) {
      expect(codeOf(`Bearer ${wrong}`)).toBe("authentication_invalid");
    }
  });
});
