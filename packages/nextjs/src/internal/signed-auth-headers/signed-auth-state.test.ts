import { describe, expect, it } from "vitest";
import { AUTH_HEADERS, isAuthHeaderName, stripAuthHeaders } from "./auth-header-names.js";
import { readSignedAuthState, type SignedAuthState, signAuthState } from "./signed-auth-state.js";

const SECRET = "sk_test_signing_fixture";
const state: SignedAuthState = {
  status: "signed-in",
  reason: "",
  token: "h.p.s",
  url: "https://app.example.test/x",
};

async function signed(
  input: SignedAuthState = state,
  secret = SECRET,
): Promise<Map<string, string>> {
  return new Map(await signAuthState(input, secret));
}

const lookup = (headers: Map<string, string>) => (name: string) => headers.get(name);

describe("signed auth headers", () => {
  it("round-trips a verdict", async () => {
    expect(await readSignedAuthState(lookup(await signed()), SECRET)).toEqual(state);
    const out: SignedAuthState = {
      status: "signed-out",
      reason: "token-expired",
      token: "",
      url: "u",
    };
    expect(await readSignedAuthState(lookup(await signed(out)), SECRET)).toEqual(out);
  });

  it.each([
    [AUTH_HEADERS.status, "signed-out"],
    [AUTH_HEADERS.reason, "x"],
    [AUTH_HEADERS.token, "h.p.t"],
    [AUTH_HEADERS.url, "https://evil.test/"],
  ])("refuses a verdict whose %s was changed", async (name, value) => {
    const headers = await signed();
    headers.set(name, value);
    expect(await readSignedAuthState(lookup(headers), SECRET)).toBeUndefined();
  });

  it("refuses a flipped signature bit, a truncated one, garbage and a missing one", async () => {
    const headers = await signed();
    const signature = headers.get(AUTH_HEADERS.signature) ?? "";
    const flipped = (signature[0] === "A" ? "B" : "A") + signature.slice(1);
    for (const bad of [flipped, signature.slice(0, -2), "!!!", ""]) {
      headers.set(AUTH_HEADERS.signature, bad);
      expect(await readSignedAuthState(lookup(headers), SECRET), bad).toBeUndefined();
    }
    headers.delete(AUTH_HEADERS.signature);
    expect(await readSignedAuthState(lookup(headers), SECRET)).toBeUndefined();
  });

  it("refuses headers signed with another key, and everything without a key", async () => {
    const headers = await signed(state, "sk_test_other");
    expect(await readSignedAuthState(lookup(headers), SECRET)).toBeUndefined();
    expect(await readSignedAuthState(lookup(await signed()), undefined)).toBeUndefined();
  });

  it("refuses a signed-in verdict without a token, and unknown statuses", async () => {
    const empty = await signed({ ...state, token: "" });
    expect(await readSignedAuthState(lookup(empty), SECRET)).toBeUndefined();
    const weird = await signed();
    weird.set(AUTH_HEADERS.status, "admin");
    expect(await readSignedAuthState(lookup(weird), SECRET)).toBeUndefined();
  });

  it("strips every auth header, whatever its case", () => {
    const headers = new Headers({
      "X-Clerk-Auth-Status": "signed-in",
      "x-clerk-auth-anything": "1",
      "x-clerk-clerk-url": "u",
      "x-other": "kept",
    });
    stripAuthHeaders(headers);
    expect([...headers.keys()]).toEqual(["x-other"]);
    expect(isAuthHeaderName("X-CLERK-AUTH-TOKEN")).toBe(true);
    expect(isAuthHeaderName("x-clerk-user")).toBe(false);
  });
});
