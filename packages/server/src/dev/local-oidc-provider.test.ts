/** The local OpenID Connect provider, as an app and a person meet it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAtProvider } from "../../test/provider-login.js";
import { newPkcePair } from "../oauth/new-pkce-pair.js";
import { type LocalOidcProvider, startLocalOidcProvider } from "./local-oidc-provider.js";

const REDIRECT_URI = "http://localhost:3999/sso-callback";
let idp: LocalOidcProvider;

beforeAll(async () => {
  idp = await startLocalOidcProvider({
    clients: [{ clientId: "app", clientSecret: "app-secret", redirectUris: [REDIRECT_URI] }],
    users: [
      {
        sub: "u-1",
        email: "ada@example.com",
        emailVerified: true,
        givenName: "Ada",
        familyName: "Lovelace",
      },
    ],
  });
});
afterAll(async () => {
  await idp?.close();
});

function authorizationUrl(extra: Record<string, string> = {}): string {
  const url = new URL(`${idp.issuer}/auth`);
  const params = {
    response_type: "code",
    client_id: "app",
    redirect_uri: REDIRECT_URI,
    scope: "openid email profile",
    state: "state-1",
    nonce: "nonce-1",
    code_challenge: newPkcePair().challenge,
    code_challenge_method: "S256",
    ...extra,
  };
  for (const [key, value] of Object.entries(params))
    if (value !== "") url.searchParams.set(key, value);
  return url.toString();
}

/** Follows redirects by hand until the sign-in page; answers its URL, cookies and HTML. */
async function openLoginPage() {
  let url = authorizationUrl();
  const cookies: string[] = [];
  for (let hop = 0; hop < 5; hop += 1) {
    const response = await fetch(url, {
      redirect: "manual",
      headers: { Cookie: cookies.join("; ") },
    });
    for (const line of response.headers.getSetCookie()) cookies.push(line.split(";")[0] ?? "");
    const location = response.headers.get("location");
    if (location === null)
      return { url, cookies, status: response.status, html: await response.text() };
    url = new URL(location, url).toString();
  }
  throw new Error("no sign-in page");
}

describe("startLocalOidcProvider", () => {
  it("serves discovery on 127.0.0.1 with the code flow, S256 and RS256", async () => {
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const doc = (await (
      await fetch(`${idp.issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(idp.issuer);
    expect(doc.response_types_supported).toEqual(["code"]);
    expect(doc.code_challenge_methods_supported).toEqual(["S256"]);
    expect(doc.id_token_signing_alg_values_supported).toEqual(["RS256"]);
    expect(doc.scopes_supported).toEqual(
      expect.arrayContaining(["openid", "email", "profile", "offline_access"]),
    );
    expect(doc.claims_supported).toEqual(
      expect.arrayContaining(["email", "email_verified", "given_name", "family_name", "name"]),
    );
  });

  it("shows a labelled one-field sign-in form", async () => {
    const page = await openLoginPage();
    expect(page.status).toBe(200);
    expect(page.html).toContain('<label for="email">Email address</label>');
    expect(page.html).toMatch(/<input id="email" name="email" type="email"[^>]*required/);
    expect(page.html).toContain('<button type="submit">Sign in</button>');
    expect(page.html).toContain('<html lang="en">');
  });

  it("says so when the email is unknown, and keeps the form", async () => {
    const page = await openLoginPage();
    const action = /action="([^"]+)"/.exec(page.html)?.[1] ?? "";
    const response = await fetch(new URL(action, page.url), {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: page.cookies.join("; "),
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "email=nobody%40example.com",
    });
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain('role="alert"');
    expect(html).toContain("No user has the email nobody@example.com.");
    expect(html).toContain('<label for="email">Email address</label>');
  });

  it("signs a known user in and goes straight back to the app with code and state", async () => {
    const callback = new URL(await loginAtProvider(authorizationUrl(), "ADA@example.com"));
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get("state")).toBe("state-1");
    expect(callback.searchParams.get("code")).toBeTruthy();
    expect(callback.searchParams.get("iss")).toBe(idp.issuer);
  });

  it("requires PKCE", async () => {
    const response = await fetch(
      authorizationUrl({ code_challenge: "", code_challenge_method: "" }),
      { redirect: "manual" },
    );
    const location = new URL(response.headers.get("location") ?? "", idp.issuer);
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.get("error_description")).toMatch(/PKCE/);
  });

  it("refuses a redirect URI that is not registered", async () => {
    const response = await fetch(
      authorizationUrl({ redirect_uri: "http://localhost:3999/elsewhere" }),
      {
        redirect: "manual",
      },
    );
    expect(response.status).toBe(400);
  });

  it("frees its port on close", async () => {
    const other = await startLocalOidcProvider({ clients: [], users: [] });
    await other.close();
    await expect(fetch(`${other.issuer}/.well-known/openid-configuration`)).rejects.toThrow();
  });
});
