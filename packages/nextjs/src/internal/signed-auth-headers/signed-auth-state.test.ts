import { describe, expect, it, vi } from "vitest";
import { rewriteVerdict, type VerdictFields, verdictOf } from "../testing.test-helpers.js";
import { AUTH_HEADERS, isAuthHeaderName, stripAuthHeaders } from "./auth-header-names.js";
import {
  readSignedAuthState,
  type SignedAuthState,
  signAuthState,
  startSigningAuthState,
  tokenFrom,
} from "./signed-auth-state.js";

const SECRET = "sk_test_signing_fixture";
const state: SignedAuthState = {
  status: "signed-in",
  reason: "",
  source: "cookie",
  token: "h.p.s",
  url: "https://app.example.test/x",
};

/** The verdict's headers plus the request headers that carry its token (where `source` says). */
async function signed(
  input: SignedAuthState = state,
  secret = SECRET,
): Promise<Map<string, string>> {
  const headers = new Map(await signAuthState(input, secret));
  if (input.source === "cookie") headers.set("cookie", `__client_uat=1; __session=${input.token}`);
  if (input.source === "authorization") headers.set("authorization", `Bearer ${input.token}`);
  return headers;
}

const lookup = (headers: Map<string, string>) => (name: string) => headers.get(name);

describe("signed auth headers", () => {
  it("round-trips a verdict", async () => {
    const headers = await signed();
    expect(verdictOf(headers)?.source).toBe("cookie");
    // The token is not repeated in a header of its own: it is read from the cookie.
    expect([...headers.values()].filter((value) => value.includes("h.p.s"))).toEqual([
      "__client_uat=1; __session=h.p.s",
    ]);
    expect(await readSignedAuthState(lookup(headers), SECRET)).toEqual(state);
    const out: SignedAuthState = {
      status: "signed-out",
      reason: "token-expired",
      source: "",
      token: "",
      url: "u",
    };
    const outHeaders = await signed(out);
    expect(verdictOf(outHeaders)?.source).toBe("");
    expect(await readSignedAuthState(lookup(outHeaders), SECRET)).toEqual(out);
  });

  it("round-trips a verdict carrying its token inline, and refuses a swapped inline token", async () => {
    const inline: SignedAuthState = { ...state, source: "inline", token: "h.p.i" };
    const headers = await signed(inline);
    expect(headers.get(AUTH_HEADERS.token)).toBe("h.p.i");
    expect(headers.has("cookie")).toBe(false);
    expect(await readSignedAuthState(lookup(headers), SECRET)).toEqual(inline);
    headers.set(AUTH_HEADERS.token, "h.p.x");
    expect(await readSignedAuthState(lookup(headers), SECRET)).toBeUndefined();
    headers.delete(AUTH_HEADERS.token);
    expect(await readSignedAuthState(lookup(headers), SECRET)).toBeUndefined();
    // Only an inline verdict writes the token header.
    expect((await signed()).has(AUTH_HEADERS.token)).toBe(false);
  });

  it("round-trips a verdict on an Authorization: Bearer token", async () => {
    const bearer: SignedAuthState = { ...state, source: "authorization", token: "h.p.b" };
    const headers = await signed(bearer);
    expect(verdictOf(headers)?.source).toBe("authorization");
    expect(await readSignedAuthState(lookup(headers), SECRET)).toEqual(bearer);
    // A cookie holding the same token does not stand in for the Bearer the verdict names.
    headers.delete("authorization");
    headers.set("cookie", "__session=h.p.b");
    expect(await readSignedAuthState(lookup(headers), SECRET)).toBeUndefined();
  });

  it.each<[keyof VerdictFields, string]>([
    ["status", "signed-out"],
    ["reason", "x"],
    ["source", "authorization"],
    ["url", "https://evil.test/"],
    ["url", "https://app.example.test/x;"],
  ])("refuses a verdict whose %s was changed", async (field, value) => {
    const headers = await signed();
    // The same token as a Bearer too, so a switched source is refused by the HMAC alone.
    headers.set("authorization", `Bearer ${state.token}`);
    expect(await readSignedAuthState(lookup(headers), SECRET)).toEqual(state);
    rewriteVerdict(headers, { [field]: value });
    expect(await readSignedAuthState(lookup(headers), SECRET)).toBeUndefined();
  });

  it("reads a URL holding semicolons whole, and refuses a verdict missing fields", async () => {
    const odd: SignedAuthState = { ...state, url: "https://app.example.test/a;b?c=d;e" };
    const headers = await signed(odd);
    expect(await readSignedAuthState(lookup(headers), SECRET)).toEqual(odd);
    const verdict = headers.get(AUTH_HEADERS.verdict) ?? "";
    for (const cut of [verdict.split(";").slice(0, 4).join(";"), "signed-in", ""]) {
      headers.set(AUTH_HEADERS.verdict, cut);
      expect(await readSignedAuthState(lookup(headers), SECRET), cut).toBeUndefined();
    }
  });

  it("binds each field to its place: moving text between fields voids the verdict", async () => {
    const out: SignedAuthState = {
      status: "signed-out",
      reason: "a",
      source: "",
      token: "",
      url: "https://app.example.test/",
    };
    const headers = await signed(out);
    rewriteVerdict(headers, { reason: "", url: `a${out.url}` });
    expect(await readSignedAuthState(lookup(headers), SECRET)).toBeUndefined();
  });

  it("refuses a verdict whose token was swapped, or is gone, from where it says", async () => {
    const swapped = await signed();
    swapped.set("cookie", "__client_uat=1; __session=h.p.t");
    expect(await readSignedAuthState(lookup(swapped), SECRET)).toBeUndefined();
    const gone = await signed();
    gone.delete("cookie");
    expect(await readSignedAuthState(lookup(gone), SECRET)).toBeUndefined();
    const noSession = await signed();
    noSession.set("cookie", "__client_uat=1");
    expect(await readSignedAuthState(lookup(noSession), SECRET)).toBeUndefined();

    const bearer = await signed({ ...state, source: "authorization", token: "h.p.b" });
    bearer.set("authorization", "Bearer h.p.t");
    expect(await readSignedAuthState(lookup(bearer), SECRET)).toBeUndefined();
    bearer.delete("authorization");
    expect(await readSignedAuthState(lookup(bearer), SECRET)).toBeUndefined();
  });

  it("refuses a bad or missing source", async () => {
    for (const bad of ["Cookie", "header", "x-clerk-auth-token", " cookie", "bearer"]) {
      const headers = await signed();
      rewriteVerdict(headers, { source: bad });
      expect(await readSignedAuthState(lookup(headers), SECRET), bad).toBeUndefined();
    }
    const missing = await signed();
    rewriteVerdict(missing, { source: "" });
    expect(await readSignedAuthState(lookup(missing), SECRET)).toBeUndefined();
    // A signed-out verdict signed with a source is refused once the source is dropped.
    const out = await signed({
      status: "signed-out",
      reason: "r",
      source: "",
      token: "",
      url: "u",
    });
    rewriteVerdict(out, { source: "cookie" });
    out.set("cookie", "__session=h.p.s");
    expect(await readSignedAuthState(lookup(out), SECRET)).toBeUndefined();
  });

  it("refuses a flipped signature bit, a truncated one, garbage and a missing one", async () => {
    const headers = await signed();
    const signature = verdictOf(headers)?.mac ?? "";
    const flipped = (signature[0] === "A" ? "B" : "A") + signature.slice(1);
    for (const bad of [flipped, signature.slice(0, -2), "!!!", ""]) {
      rewriteVerdict(headers, { mac: bad });
      expect(await readSignedAuthState(lookup(headers), SECRET), bad).toBeUndefined();
    }
    headers.delete(AUTH_HEADERS.verdict);
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
    const noSource = await signed({ ...state, source: "" });
    expect(await readSignedAuthState(lookup(noSource), SECRET)).toBeUndefined();
    const weird = await signed();
    rewriteVerdict(weird, { status: "admin" });
    expect(await readSignedAuthState(lookup(weird), SECRET)).toBeUndefined();
  });

  it("finds the token where the source says (tokenFrom)", () => {
    const from = (headers: Record<string, string>) => (name: string) => headers[name];
    // Cookie: the first __session, unquoted; other cookies and look-alike names are skipped.
    expect(tokenFrom(from({ cookie: "a=1; __session=h.p.s; b=2" }), "cookie")).toBe("h.p.s");
    expect(tokenFrom(from({ cookie: '__session="h.p.q"' }), "cookie")).toBe("h.p.q");
    expect(tokenFrom(from({ cookie: "__session_x=h.p.x; x__session=y" }), "cookie")).toBe("");
    expect(tokenFrom(from({ cookie: "a=1" }), "cookie")).toBe("");
    expect(tokenFrom(from({}), "cookie")).toBe("");
    // Authorization: "Bearer" in any case, surrounding space trimmed; other schemes are nothing.
    for (const value of ["Bearer h.p.b", "bearer h.p.b", "BEARER h.p.b", "  Bearer  h.p.b  "]) {
      expect(tokenFrom(from({ authorization: value }), "authorization"), value).toBe("h.p.b");
    }
    expect(tokenFrom(from({ authorization: "Basic dXNlcjpwdw==" }), "authorization")).toBe("");
    expect(tokenFrom(from({ authorization: "Bearerh.p.b" }), "authorization")).toBe("");
    expect(tokenFrom(from({}), "authorization")).toBe("");
    // Each source reads only its own header; no source reads nothing.
    const both = from({ cookie: "__session=h.p.s", authorization: "Bearer h.p.b" });
    expect(tokenFrom(both, "cookie")).toBe("h.p.s");
    expect(tokenFrom(both, "authorization")).toBe("h.p.b");
    expect(tokenFrom(both, "")).toBe("");
  });

  it("strips every auth header, whatever its case", () => {
    const headers = new Headers({
      "X-Clerk-Auth-Verdict": "signed-in;cookie;;m;u",
      "X-Clerk-Auth-Token": "h.p.s",
      "x-clerk-auth-anything": "1",
      "x-clerk-clerk-url": "u",
      "x-other": "kept",
    });
    stripAuthHeaders(headers);
    expect([...headers.keys()]).toEqual(["x-other"]);
    expect(isAuthHeaderName("X-CLERK-AUTH-TOKEN")).toBe(true);
    expect(isAuthHeaderName(AUTH_HEADERS.verdict)).toBe(true);
    expect(isAuthHeaderName("x-clerk-auth-a")).toBe(true);
    expect(isAuthHeaderName("x-clerk-auth")).toBe(false);
    expect(isAuthHeaderName("x-clerk-user")).toBe(false);
  });
});

describe("startSigningAuthState", () => {
  it("signs at once on Node, with the very headers signAuthState gives", async () => {
    for (const input of [
      state,
      { ...state, source: "inline" as const },
      {
        status: "signed-out" as const,
        reason: "token-expired",
        source: "" as const,
        token: "",
        url: state.url,
      },
    ]) {
      const signing = startSigningAuthState(input, SECRET);
      expect(signing.settled).toBe(true);
      if (!signing.settled) return;
      expect(signing.entries).toEqual(await signAuthState(input, SECRET));
    }
  });

  it("leaves Web Crypto's answer pending on edge runtimes, with the same headers", async () => {
    const spy = vi.spyOn(process, "getBuiltinModule").mockReturnValue(undefined);
    vi.resetModules();
    try {
      const edge = await import("./signed-auth-state.js");
      const signing = edge.startSigningAuthState(state, SECRET);
      expect(signing.settled).toBe(false);
      if (signing.settled) return;
      expect(await signing.pending).toEqual(await signAuthState(state, SECRET));
    } finally {
      spy.mockRestore();
      vi.resetModules();
    }
  });
});
