import { describe, expect, it } from "vitest";
import { TEST_APP_ORIGIN, type TestBrowser } from "../../../../../test/frontend-test-browser.js";
import { useTestInstance } from "../../../../../test/test-instance.js";
import { signUpThroughBrowser, verifyWithInstanceJwks } from "../frontend-flows.test-helpers.js";

const APP_PAGE = `${TEST_APP_ORIGIN}/dashboard?tab=1`;

const decodeJwt = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8"));

/** `Set-Cookie` lines → name → { value, line }. */
function cookiesOf(directives: readonly string[]) {
  return new Map(
    directives.map((line) => {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      return [pair.slice(0, eq), { value: pair.slice(eq + 1), line }] as const;
    }),
  );
}

describe("GET /v1/client/handshake and GET /v1/clients/handshake_payload", () => {
  const instance = useTestInstance();

  /** A top-level navigation to the handshake, as the browser makes it after the SDK's redirect. */
  const handshake = (query: Record<string, string>, browser?: TestBrowser) => {
    const cookie = browser
      ? [...browser.cookies].map(([name, value]) => `${name}=${value}`).join("; ")
      : "";
    return instance.fetch(`/__clerk/v1/client/handshake?${new URLSearchParams(query)}`, {
      redirect: "manual",
      headers: { ...(cookie ? { cookie } : {}), "sec-fetch-dest": "document" },
    });
  };

  const redeem = (nonce: string, secretKey?: string | null) =>
    instance.call("GET", `/v1/clients/handshake_payload?nonce=${encodeURIComponent(nonce)}`, {
      ...(secretKey === undefined ? {} : { secretKey }),
    });

  it("hands a signed-in client's fresh session token back behind a one-time nonce", async () => {
    const { browser, sessionId, userId } = await signUpThroughBrowser(instance, "hs@example.com");
    instance.clock.advance(70_000);
    const answer = await handshake({ redirect_url: APP_PAGE, format: "nonce" }, browser);
    expect(answer.status).toBe(307);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    const location = new URL(answer.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe(`${TEST_APP_ORIGIN}/dashboard`);
    expect(location.searchParams.get("tab")).toBe("1");
    const nonce = location.searchParams.get("__clerk_handshake_nonce") ?? "";
    expect(nonce).toMatch(/^[\w-]{43}$/);
    // The nonce is all the URL carries: no token travels in the browser's history.
    expect(location.search).not.toContain(".");

    const payload = await redeem(nonce);
    expect(payload.status).toBe(200);
    const cookies = cookiesOf(payload.body.directives);
    const jwt = cookies.get("__session")?.value ?? "";
    const claims = await verifyWithInstanceJwks(instance, jwt);
    expect(claims).toMatchObject({ sub: userId, sid: sessionId, azp: TEST_APP_ORIGIN });
    expect(claims.iat).toBe(instance.clock.now() / 1000);
    expect(cookies.get("__session")?.line).toBe(`__session=${jwt}; Path=/; SameSite=Lax`);
    expect(cookies.get("__client_uat")?.value).toBe(String(instance.clock.now() / 1000));
    // Development: the dev-browser marker Clerk's server SDK requires.
    expect(cookies.get("__clerk_db_jwt")?.value).toMatch(/^[\w-]{43}$/);

    // Once only.
    const again = await redeem(nonce);
    expect(again.status).toBe(404);
    expect(again.body.errors[0]).toMatchObject({
      code: "resource_not_found",
      meta: { param_name: "nonce" },
    });
  });

  it("signs a browser without a client out, and keeps a dev-browser token it was given", async () => {
    const devBrowser = "d".repeat(43);
    const answer = await handshake({
      redirect_url: APP_PAGE,
      format: "nonce",
      __clerk_db_jwt: devBrowser,
      suffixed_cookies: "true",
    });
    expect(answer.status).toBe(307);
    const nonce = new URL(answer.headers.get("location") ?? "").searchParams.get(
      "__clerk_handshake_nonce",
    );
    const cookies = cookiesOf((await redeem(nonce ?? "")).body.directives);
    expect(cookies.get("__session")?.line).toBe("__session=; Max-Age=0; Path=/; SameSite=Lax");
    expect(cookies.get("__client_uat")?.value).toBe("0");
    expect(cookies.get("__clerk_db_jwt")?.value).toBe(devBrowser);
    // Suffixed names too, when the SDK says it uses them.
    const suffixed = [...cookies.keys()].filter((name) => /^__session_[\w-]{8}$/.test(name));
    expect(suffixed).toHaveLength(1);
  });

  it("format=token: a JWT signed by the instance's key, holding the directives", async () => {
    const { browser, sessionId } = await signUpThroughBrowser(instance, "hs-token@example.com");
    const answer = await handshake({ redirect_url: APP_PAGE, format: "token" }, browser);
    expect(answer.status).toBe(307);
    const token =
      new URL(answer.headers.get("location") ?? "").searchParams.get("__clerk_handshake") ?? "";
    // Signed by the instance's key (what the SDK checks against the JWKS).
    const claims = await instance.signingKeys.verify(token);
    expect(claims).not.toBeNull();
    expect(claims?.exp).toBe(Number(claims?.iat) + 120);
    const directives = (claims as { handshake?: string[] }).handshake ?? [];
    const session = cookiesOf(directives).get("__session")?.value ?? "";
    expect(decodeJwt(session).sid).toBe(sessionId);
  });

  it("refuses a missing, relative or foreign redirect_url, and keeps nothing", async () => {
    const count = async () =>
      Number((await instance.db.query("SELECT count(*) AS n FROM handshake_payloads"))[0]?.n);
    const before = await count();
    for (const redirect of ["", "/dashboard", "https://evil.example/x", "javascript:alert(1)"]) {
      const answer = await handshake({ redirect_url: redirect, format: "nonce" });
      expect(answer.status, redirect).toBe(422);
      const body = await answer.json();
      expect(body.errors[0], redirect).toMatchObject({
        code: "redirect_url_invalid",
        meta: { param_name: "redirect_url" },
      });
      expect(answer.headers.get("location")).toBeNull();
    }
    expect(await count()).toBe(before);
  });

  it("hands a nonce out only with the secret key, and never an unknown or expired one", async () => {
    const answer = await handshake({ redirect_url: APP_PAGE, format: "nonce" });
    const nonce =
      new URL(answer.headers.get("location") ?? "").searchParams.get("__clerk_handshake_nonce") ??
      "";
    expect((await redeem(nonce, null)).status).toBe(401);
    expect((await redeem("x".repeat(43))).status).toBe(404);
    expect((await redeem("not a nonce")).status).toBe(404);
    instance.clock.advance(121_000);
    expect((await redeem(nonce)).status).toBe(404);
  });
});

describe("POST /v1/dev_browser", () => {
  const development = useTestInstance();
  const production = useTestInstance({
    frontendApi: {
      instanceType: "production",
      allowedOrigins: [TEST_APP_ORIGIN],
      // No test here sends mail; a production instance only needs a transport to start.
      mailer: {
        send: async () => {
          throw new Error("no mail in this test");
        },
      },
    },
    settings: { developmentMode: false },
  });

  it("gives a development browser its token", async () => {
    const answer = await development.browser().call("POST", "/v1/dev_browser");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      object: "dev_browser",
      id: expect.stringMatching(/^[\w-]{43}$/),
      token: answer.body.id,
    });
  });

  it("is not found on a production instance, and production handshakes set no dev-browser cookie", async () => {
    const answer = await production.browser().call("POST", "/v1/dev_browser");
    expect(answer.status).toBe(404);
    expect(answer.body.errors[0].code).toBe("resource_not_found");
    const hs = await production.fetch(
      `/__clerk/v1/client/handshake?${new URLSearchParams({ redirect_url: APP_PAGE, format: "nonce" })}`,
      { redirect: "manual" },
    );
    const nonce =
      new URL(hs.headers.get("location") ?? "").searchParams.get("__clerk_handshake_nonce") ?? "";
    const payload = await production.call("GET", `/v1/clients/handshake_payload?nonce=${nonce}`);
    expect(payload.body.directives.some((d: string) => d.startsWith("__clerk_db_jwt"))).toBe(false);
  });
});
