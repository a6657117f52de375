import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClerkClient } from "@clerk/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SpawnedCli, spawnCli } from "../test/spawn-cli.js";
import { spawnCliOnTestDatabase } from "../test/spawn-cli-on-test-database.js";

/** The app, as the default configuration allows it. */
const APP = "http://localhost:3000";

/**
 * Clerk's official server SDK (`authenticateRequest` of `@clerk/backend`, as `@clerk/nextjs` runs
 * it in its middleware) against a running `latchkey start` with the instance's own `pk_test_`
 * key: the development-browser requirement, the handshake in both formats, and the Backend API's
 * `handshake_payload`. The browser is a cookie jar on the app's origin; the Frontend API is
 * reached as the app's proxy URL would reach it.
 */
describe("@clerk/backend's handshake against a running instance", () => {
  let cli: SpawnedCli;
  let dispose: () => Promise<void>;
  let clerk: ReturnType<typeof createClerkClient>;
  let proxyUrl: string;
  const jar = new Map<string, string>();

  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const absorb = (headers: Headers) => {
    for (const line of headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      if (/;\s*Max-Age=0(;|$)/i.test(line)) jar.delete(name);
      else jar.set(name, pair.slice(eq + 1).trim());
    }
  };
  /** A page load of the app, judged by the SDK as `clerkMiddleware` judges it. */
  const loadPage = (url: string) =>
    clerk.authenticateRequest(
      new Request(url, {
        headers: { cookie: cookieHeader(), "sec-fetch-dest": "document", accept: "text/html" },
      }),
      { proxyUrl },
    );
  /** The browser following a redirect to the Frontend API (307 back to the app). */
  const follow = async (location: string) => {
    const answer = await fetch(location, {
      redirect: "manual",
      headers: { cookie: cookieHeader() },
    });
    absorb(answer.headers);
    expect(answer.status, await answer.clone().text()).toBe(307);
    return answer.headers.get("location") ?? "";
  };

  beforeAll(async () => {
    ({ cli, dispose } = await spawnCliOnTestDatabase("latchkey-handshake-"));
    proxyUrl = `${cli.url}/__clerk`;
    clerk = createClerkClient({
      secretKey: cli.secretKey,
      publishableKey: cli.publishableKey,
      apiUrl: cli.url,
      telemetry: { disabled: true },
    });
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it("accepts the instance's publishable key and sends a new browser to the handshake", async () => {
    const first = await loadPage(`${APP}/dashboard`);
    expect(first.status).toBe("handshake");
    expect(first.reason).toBe("dev-browser-missing");
    const location = first.headers.get("location") ?? "";
    expect(location.startsWith(`${proxyUrl}/v1/client/handshake?`)).toBe(true);

    const back = await follow(location);
    expect(back.startsWith(`${APP}/dashboard?__clerk_handshake_nonce=`)).toBe(true);
    const resolved = await loadPage(back);
    expect(resolved.status).toBe("signed-out");
    absorb(resolved.headers);
    expect(jar.get("__clerk_db_jwt")).toMatch(/^[\w-]{43}$/);
    // Development: the SDK sends the browser on to the page without the handshake parameters.
    expect(resolved.headers.get("location")).toBe(`${APP}/dashboard`);

    const settled = await loadPage(`${APP}/dashboard`);
    expect([settled.status, settled.reason]).toEqual([
      "signed-out",
      "session-token-and-uat-missing",
    ]);
  });

  it("signs in, and gets a session back through the handshake (nonce and token formats)", async () => {
    const user = await clerk.users.createUser({
      emailAddress: ["grace@example.com"],
      password: "an-uncommon-passphrase-42",
    });
    const signIn = await fetch(`${proxyUrl}/v1/client/sign_ins`, {
      method: "POST",
      headers: {
        origin: APP,
        cookie: cookieHeader(),
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        identifier: "grace@example.com",
        password: "an-uncommon-passphrase-42",
        strategy: "password",
      }),
    });
    expect(signIn.status, await signIn.clone().text()).toBe(200);
    absorb(signIn.headers);
    const signedIn = await loadPage(`${APP}/dashboard`);
    expect(signedIn.status).toBe("signed-in");
    expect(signedIn.toAuth()).toMatchObject({ userId: user.id });

    // `__client_uat` without `__session` (as after the session cookie was lost): handshake, nonce.
    jar.delete("__session");
    const lost = await loadPage(`${APP}/dashboard`);
    expect([lost.status, lost.reason]).toEqual(["handshake", "client-uat-but-no-session-token"]);
    const resolved = await loadPage(await follow(lost.headers.get("location") ?? ""));
    expect(resolved.status).toBe("signed-in");
    expect(resolved.toAuth()).toMatchObject({ userId: user.id });
    absorb(resolved.headers);
    expect(jar.get("__session")).toBeTruthy();

    // The token format, verified by the SDK against the instance's JWKS.
    jar.delete("__session");
    const handshakeUrl = new URL(`${proxyUrl}/v1/client/handshake`);
    handshakeUrl.searchParams.set("redirect_url", `${APP}/dashboard`);
    handshakeUrl.searchParams.set("format", "token");
    const back = await follow(handshakeUrl.toString());
    expect(new URL(back).searchParams.has("__clerk_handshake")).toBe(true);
    const viaToken = await loadPage(back);
    expect(viaToken.status).toBe("signed-in");
    expect(viaToken.toAuth()).toMatchObject({ userId: user.id });
  });

  it("signs the browser out through the handshake once the client is gone", async () => {
    const signOut = await fetch(`${proxyUrl}/v1/client?_method=DELETE`, {
      method: "POST",
      headers: { origin: APP, cookie: cookieHeader() },
    });
    expect(signOut.status).toBe(200);
    absorb(signOut.headers);
    jar.set("__client_uat", String(Math.floor(Date.now() / 1000)));
    jar.delete("__session");
    const gone = await loadPage(`${APP}/dashboard`);
    expect(gone.status).toBe("handshake");
    const resolved = await loadPage(await follow(gone.headers.get("location") ?? ""));
    expect(resolved.status).toBe("signed-out");
    absorb(resolved.headers);
    expect(jar.get("__client_uat")).toBe("0");
  });
});

/**
 * Without an app proxy, Clerk's SDKs reach the Frontend API at `https://<key host>/v1/…`: with
 * `--frontend-api-url https://clerk.example.test` (a host a reverse proxy forwards to the instance's
 * `/__clerk`), the key names that host, tokens carry it as `iss`, and the SDK sends handshakes there.
 */
describe("@clerk/backend with --frontend-api-url (no app proxy)", () => {
  let cli: SpawnedCli;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "latchkey-fapi-url-"));
    cli = await spawnCli(["--data-dir", dir, "--frontend-api-url", "https://clerk.example.test/"]);
  }, 120_000);

  afterAll(async () => {
    await cli?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("names the Frontend API host in the key and in iss, and the SDK takes the cookie as its own", async () => {
    const decoded = Buffer.from(cli.publishableKey.split("_")[2] ?? "", "base64").toString("utf8");
    expect(decoded).toBe("clerk.example.test$");
    const clerk = createClerkClient({
      secretKey: cli.secretKey,
      publishableKey: cli.publishableKey,
      apiUrl: cli.url,
      telemetry: { disabled: true },
    });
    const user = await clerk.users.createUser({
      emailAddress: ["ada@example.com"],
      skipPasswordRequirement: true,
    });
    const session = await clerk.sessions.createSession({ userId: user.id });
    const { jwt } = await clerk.sessions.getToken(session.id);
    const claims = JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8"));
    expect(claims.iss).toBe("https://clerk.example.test");

    const page = (cookie: string) =>
      clerk.authenticateRequest(
        new Request(`${APP}/dashboard`, {
          headers: { cookie, "sec-fetch-dest": "document", accept: "text/html" },
        }),
      );
    const uat = claims.iat;
    const signedIn = await page(
      `__session=${jwt}; __client_uat=${uat}; __clerk_db_jwt=${"d".repeat(43)}`,
    );
    expect(signedIn.status).toBe("signed-in");
    expect(signedIn.toAuth()).toMatchObject({ userId: user.id, sessionId: session.id });
    const lost = await page(`__client_uat=${uat}; __clerk_db_jwt=${"d".repeat(43)}`);
    expect(lost.status).toBe("handshake");
    expect(lost.headers.get("location")).toMatch(
      /^https:\/\/clerk\.example\.test\/v1\/client\/handshake\?/,
    );
  });

  it("refuses a --frontend-api-url that is not an absolute http(s) URL", async () => {
    const other = await mkdtemp(join(tmpdir(), "latchkey-fapi-url-bad-"));
    try {
      await expect(
        spawnCli(["--data-dir", other, "--frontend-api-url", "clerk.example.test"]),
      ).rejects.toThrow(/--frontend-api-url must be an absolute http\(s\) URL/);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
