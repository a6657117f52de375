import { describe, expect, it } from "vitest";
import { createProviderTokenCipher } from "./provider-token-cipher.js";

const cipher = createProviderTokenCipher("sk_test_one");

describe("provider token cipher", () => {
  it("round-trips text, in the v1 format", () => {
    for (const plain of ["", "gho_abc123", "ünïcødé 🔑", "x".repeat(5000)]) {
      const stored = cipher.encrypt(plain);
      expect(stored).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
      expect(stored).not.toContain(plain === "" ? "\u0000" : plain);
      expect(cipher.decrypt(stored)).toBe(plain);
    }
  });

  it("encrypts one text differently each time", () => {
    const first = cipher.encrypt("same token");
    const second = cipher.encrypt("same token");
    expect(first).not.toBe(second);
    expect(first.split(".")[1]).not.toBe(second.split(".")[1]);
  });

  it("refuses a changed ciphertext, IV or tag", () => {
    const stored = cipher.encrypt("gho_secret_token");
    const [version, iv = "", sealed = ""] = stored.split(".");
    const flip = (text: string, at: number) => {
      const bytes = Buffer.from(text, "base64url");
      bytes[at] = (bytes[at] ?? 0) ^ 1;
      return bytes.toString("base64url");
    };
    expect(() => cipher.decrypt(`${version}.${flip(iv, 0)}.${sealed}`)).toThrow(Error);
    expect(() => cipher.decrypt(`${version}.${iv}.${flip(sealed, 0)}`)).toThrow(Error);
    expect(() =>
      cipher.decrypt(
        `${version}.${iv}.${flip(sealed, Buffer.from(sealed, "base64url").length - 1)}`,
      ),
    ).toThrow(Error);
    expect(() => cipher.decrypt(`${version}.${iv}.${sealed.slice(0, 10)}`)).toThrow(Error);
  });

  it("refuses another key, another version and junk", () => {
    const stored = cipher.encrypt("gho_secret_token");
    expect(() => createProviderTokenCipher("sk_test_two").decrypt(stored)).toThrow(/another key/);
    expect(() => cipher.decrypt(stored.replace(/^v1\./, "v2."))).toThrow(/version/);
    expect(() => cipher.decrypt("gho_secret_token")).toThrow(Error);
    expect(() => cipher.decrypt("v1..")).toThrow(Error);
  });

  it("needs a secret key", () => {
    expect(() => createProviderTokenCipher("")).toThrow(/secret key/);
  });
});
