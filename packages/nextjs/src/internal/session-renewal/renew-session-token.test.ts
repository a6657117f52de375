import { describe, expect, it } from "vitest";
import { fakeFetch } from "../testing.test-helpers.js";
import { renewSessionToken } from "./renew-session-token.js";

const FAPI = "http://instance.example.test/__clerk";

function params(fetchFn: typeof fetch) {
  return {
    frontendApiUrl: FAPI,
    sessionId: "sess_1/../x",
    clientCookie: "client_cookie_value",
    origin: "https://app.example.test",
    fetch: fetchFn,
  };
}

describe("renewSessionToken (against a fake Frontend API)", () => {
  it("posts to the session's tokens endpoint with the client cookie and origin", async () => {
    const fapi = fakeFetch(() => Response.json({ object: "token", jwt: "aa.bb.cc" }));
    expect(await renewSessionToken(params(fapi.fetch))).toEqual({
      status: "renewed",
      jwt: "aa.bb.cc",
    });
    expect(fapi.calls).toHaveLength(1);
    const [call] = fapi.calls;
    expect(call?.method).toBe("POST");
    expect(call?.url).toBe(`${FAPI}/v1/client/sessions/sess_1%2F..%2Fx/tokens`);
    expect(call?.headers.get("cookie")).toBe("__client=client_cookie_value");
    expect(call?.headers.get("origin")).toBe("https://app.example.test");
  });

  it.each([401, 404])("reports %i as gone", async (status) => {
    const fapi = fakeFetch(() => Response.json({ errors: [] }, { status }));
    expect(await renewSessionToken(params(fapi.fetch))).toEqual({
      status: "gone",
      httpStatus: status,
    });
  });

  it.each([
    ["a server error", () => new Response("boom", { status: 500 })],
    ["a redirect", () => new Response(null, { status: 302, headers: { location: "/x" } })],
    ["invalid JSON", () => new Response("{", { status: 200 })],
    ["no jwt", () => Response.json({ object: "token" })],
    ["a jwt that is not a JWS", () => Response.json({ object: "token", jwt: "not-a-token" })],
  ])("reports %s as failed", async (_why, answer) => {
    const fapi = fakeFetch(answer);
    expect(await renewSessionToken(params(fapi.fetch))).toMatchObject({ status: "failed" });
  });

  it("reports an unreachable instance as failed, never throwing or leaking the cookie", async () => {
    const result = await renewSessionToken(
      params(async () => {
        throw new TypeError("fetch failed: client_cookie_value");
      }),
    );
    expect(result).toMatchObject({ status: "failed" });
    expect(JSON.stringify(result)).not.toContain("client_cookie_value");
  });

  it("gives up after the timeout", async () => {
    const never: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    const result = await renewSessionToken({ ...params(never), timeoutInMs: 20 });
    expect(result).toEqual({ status: "failed", detail: expect.stringContaining("TimeoutError") });
  });
});
