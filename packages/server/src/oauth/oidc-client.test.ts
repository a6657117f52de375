/**
 * The OpenID Connect client against a real provider (panva's oidc-provider, started locally): the
 * whole code flow, refresh, and each attack refused with its code.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAtProvider } from "../../test/provider-login.js";
import { providerRefusal } from "../../test/provider-refusal.js";
import { type LocalOidcProvider, startLocalOidcProvider } from "../dev/local-oidc-provider.js";
import { newOAuthState } from "./new-oauth-state.js";
import { newPkcePair } from "./new-pkce-pair.js";
import { createOAuthClient, type OAuthClient } from "./oauth-client.js";
import { customOidcConnection } from "./oauth-connection.js";

const REDIRECT_URI = "http://127.0.0.1:3999/callback";
const ada = {
  sub: "ada-1",
  email: "ada@example.com",
  emailVerified: true,
  givenName: "Ada",
  familyName: "Lovelace",
};
const bob = {
  sub: "bob-2",
  email: "bob@example.com",
  emailVerified: false,
  givenName: "Bob",
  familyName: "Byte",
};
const appClient = {
  clientId: "app",
  clientSecret: "app-secret-value",
  redirectUris: [REDIRECT_URI],
};
const otherClient = {
  clientId: "other-app",
  clientSecret: "other-secret-value",
  redirectUris: [REDIRECT_URI],
};

let idp: LocalOidcProvider;
let otherIdp: LocalOidcProvider;

beforeAll(async () => {
  idp = await startLocalOidcProvider({ clients: [appClient, otherClient], users: [ada, bob] });
  otherIdp = await startLocalOidcProvider({ clients: [appClient], users: [ada] });
});
afterAll(async () => {
  await idp?.close();
  await otherIdp?.close();
});

const clientFor = (issuer: string, client = appClient, fetchFn?: typeof fetch) =>
  createOAuthClient(
    customOidcConnection("local", {
      issuer,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
    }),
    { now: Date.now, ...(fetchFn ? { fetch: fetchFn } : {}) },
  );

/** Runs the browser part: answers the code, and what the client must keep. */
async function signIn(client: OAuthClient, email = ada.email) {
  const state = newOAuthState();
  const nonce = newOAuthState();
  const pkce = newPkcePair();
  const url = await client.authorizationUrl({
    redirectUri: REDIRECT_URI,
    state,
    nonce,
    codeChallenge: pkce.challenge,
  });
  const callback = new URL(await loginAtProvider(url, email));
  expect(callback.searchParams.get("state")).toBe(state);
  const code = callback.searchParams.get("code");
  if (code === null) throw new Error(`no code: ${callback}`);
  return { code, nonce, verifier: pkce.verifier };
}

describe("OIDC client against a local oidc-provider", () => {
  it("asks for the code flow with PKCE S256, state, nonce and the scopes", async () => {
    const client = clientFor(idp.issuer);
    const url = new URL(
      await client.authorizationUrl({
        redirectUri: REDIRECT_URI,
        state: "s",
        nonce: "n",
        codeChallenge: "c",
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(`${idp.issuer}/auth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "app",
      redirect_uri: REDIRECT_URI,
      scope: "openid email profile",
      state: "s",
      nonce: "n",
      code_challenge: "c",
      code_challenge_method: "S256",
    });
  });

  it("signs a person in: verified ID token, profile and tokens; then refreshes", async () => {
    const client = clientFor(idp.issuer);
    const { code, nonce, verifier } = await signIn(client);
    const before = Date.now();
    const { tokens, profile } = await client.exchangeCode({
      code,
      redirectUri: REDIRECT_URI,
      codeVerifier: verifier,
      nonce,
    });
    expect(profile).toEqual({
      providerUserId: "ada-1",
      emailAddress: "ada@example.com",
      emailVerified: true,
      firstName: "Ada",
      lastName: "Lovelace",
      imageUrl: null,
      username: null,
    });
    expect(tokens.accessToken.length).toBeGreaterThan(10);
    expect(tokens.idToken).toMatch(/^ey[^.]+\.[^.]+\.[^.]+$/);
    expect(tokens.scopes).toEqual(expect.arrayContaining(["openid", "email", "profile"]));
    expect(tokens.expiresAt).toBeGreaterThan(before);
    expect(tokens.refreshToken).not.toBeNull();

    const refreshed = await client.refresh(tokens.refreshToken ?? "");
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).not.toBeNull();
    const reused = await providerRefusal(client.refresh("not-a-refresh-token"));
    expect(reused.code).toBe("refresh_failed");
  });

  it("maps an unverified email as unverified", async () => {
    const client = clientFor(idp.issuer);
    const { code, nonce, verifier } = await signIn(client, bob.email);
    const { profile } = await client.exchangeCode({
      code,
      redirectUri: REDIRECT_URI,
      codeVerifier: verifier,
      nonce,
    });
    expect(profile).toMatchObject({
      providerUserId: "bob-2",
      emailAddress: "bob@example.com",
      emailVerified: false,
    });
  });

  it("refuses a wrong nonce", async () => {
    const client = clientFor(idp.issuer);
    const { code, verifier } = await signIn(client);
    const error = await providerRefusal(
      client.exchangeCode({
        code,
        redirectUri: REDIRECT_URI,
        codeVerifier: verifier,
        nonce: newOAuthState(),
      }),
    );
    expect(error.code).toBe("id_token_invalid");
    expect(error.message).toContain("nonce");
  });

  it("refuses a reused code", async () => {
    const client = clientFor(idp.issuer);
    const { code, nonce, verifier } = await signIn(client);
    await client.exchangeCode({ code, redirectUri: REDIRECT_URI, codeVerifier: verifier, nonce });
    const error = await providerRefusal(
      client.exchangeCode({ code, redirectUri: REDIRECT_URI, codeVerifier: verifier, nonce }),
    );
    expect(error.code).toBe("token_exchange_failed");
    expect(error.message).toContain("invalid_grant");
    expect(error.message).not.toContain(code);
  });

  it("refuses a wrong code_verifier", async () => {
    const client = clientFor(idp.issuer);
    const { code, nonce } = await signIn(client);
    const error = await providerRefusal(
      client.exchangeCode({
        code,
        redirectUri: REDIRECT_URI,
        codeVerifier: newPkcePair().verifier,
        nonce,
      }),
    );
    expect(error.code).toBe("token_exchange_failed");
    expect(error.message).not.toContain("app-secret-value");
  });

  it("refuses an ID token from another issuer, signed by its keys or not", async () => {
    const other = clientFor(otherIdp.issuer);
    // This provider's discovery, the other provider's token endpoint (and then its keys too).
    const swapping =
      (paths: string[]): typeof fetch =>
      (input, init) => {
        const url = new URL(String(input instanceof Request ? input.url : input));
        const swapped = url.origin === idp.issuer && paths.includes(url.pathname);
        return fetch(swapped ? `${otherIdp.issuer}${url.pathname}` : url.toString(), init);
      };

    const first = await signIn(other);
    const unsigned = clientFor(idp.issuer, appClient, swapping(["/token"]));
    const keyless = await providerRefusal(
      unsigned.exchangeCode({
        code: first.code,
        redirectUri: REDIRECT_URI,
        codeVerifier: first.verifier,
        nonce: first.nonce,
      }),
    );
    expect(keyless.code).toBe("id_token_invalid");

    const second = await signIn(other);
    const signed = clientFor(idp.issuer, appClient, swapping(["/token", "/jwks"]));
    const foreign = await providerRefusal(
      signed.exchangeCode({
        code: second.code,
        redirectUri: REDIRECT_URI,
        codeVerifier: second.verifier,
        nonce: second.nonce,
      }),
    );
    expect(foreign.code).toBe("id_token_invalid");
    expect(foreign.message).toContain("claim iss");
  });

  it("refuses an ID token issued to another client (audience)", async () => {
    const other = clientFor(idp.issuer, otherClient);
    const { code, nonce, verifier } = await signIn(other);
    // The app's client sends the other app's credentials: the ID token names the other app.
    const impostor = createOAuthClient(
      { ...customOidcConnection("local", { issuer: idp.issuer, ...otherClient }), clientId: "app" },
      {
        now: Date.now,
        fetch: (input, init) => {
          const headers = new Headers(init?.headers);
          if (headers.has("authorization")) {
            headers.set(
              "authorization",
              `Basic ${Buffer.from("other-app:other-secret-value").toString("base64")}`,
            );
          }
          return fetch(input, { ...init, headers });
        },
      },
    );
    const error = await providerRefusal(
      impostor.exchangeCode({ code, redirectUri: REDIRECT_URI, codeVerifier: verifier, nonce }),
    );
    expect(error.code).toBe("id_token_invalid");
    expect(error.message).toContain("aud");
  });

  it("refuses a tampered ID token", async () => {
    const client = clientFor(idp.issuer);
    const { code, nonce, verifier } = await signIn(client);
    const tampering: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith("/token")) return response;
      const body = (await response.json()) as Record<string, string>;
      const [header, payload, signature] = (body.id_token ?? "").split(".");
      const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString());
      claims.email = "mallory@example.com";
      body.id_token = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
      return Response.json(body);
    };
    const error = await providerRefusal(
      clientFor(idp.issuer, appClient, tampering).exchangeCode({
        code,
        redirectUri: REDIRECT_URI,
        codeVerifier: verifier,
        nonce,
      }),
    );
    expect(error.code).toBe("id_token_invalid");
    expect(error.message).toContain("signature");
  });

  it("refuses an expired ID token, beyond 60 s of skew", async () => {
    const late = createOAuthClient(
      customOidcConnection("local", { issuer: idp.issuer, ...appClient }),
      {
        now: () => Date.now() + 2 * 60 * 60 * 1000,
      },
    );
    const { code, nonce, verifier } = await signIn(late);
    const error = await providerRefusal(
      late.exchangeCode({ code, redirectUri: REDIRECT_URI, codeVerifier: verifier, nonce }),
    );
    expect(error.code).toBe("id_token_invalid");
  });

  it("refuses a discovery document naming another issuer, and tries discovery again after a failure", async () => {
    let calls = 0;
    const lying: typeof fetch = async (input, init) => {
      calls += 1;
      const response = await fetch(input, init);
      if (!String(input).endsWith("/.well-known/openid-configuration")) return response;
      const doc = (await response.json()) as Record<string, unknown>;
      return Response.json({ ...doc, issuer: otherIdp.issuer });
    };
    const client = clientFor(idp.issuer, appClient, lying);
    const args = { redirectUri: REDIRECT_URI, state: "s", nonce: "n", codeChallenge: "c" };
    expect((await providerRefusal(client.authorizationUrl(args))).code).toBe("discovery_failed");
    expect((await providerRefusal(client.authorizationUrl(args))).code).toBe("discovery_failed");
    expect(calls).toBe(2);
  });

  it("reads userinfo when the ID token has no email, and checks its subject", async () => {
    const lean = await startLocalOidcProvider({
      clients: [appClient],
      users: [ada],
      claimsInIdToken: false,
    });
    try {
      const client = clientFor(lean.issuer);
      const first = await signIn(client);
      const { tokens, profile } = await client.exchangeCode({
        code: first.code,
        redirectUri: REDIRECT_URI,
        codeVerifier: first.verifier,
        nonce: first.nonce,
      });
      const idClaims = JSON.parse(
        Buffer.from(tokens.idToken?.split(".")[1] ?? "", "base64url").toString(),
      );
      expect(idClaims.email).toBeUndefined();
      expect(profile).toMatchObject({
        providerUserId: "ada-1",
        emailAddress: "ada@example.com",
        emailVerified: true,
        firstName: "Ada",
      });

      const second = await signIn(client);
      const otherSubject: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (!String(input).endsWith("/me")) return response;
        return Response.json({ ...((await response.json()) as object), sub: "someone-else" });
      };
      const error = await providerRefusal(
        clientFor(lean.issuer, appClient, otherSubject).exchangeCode({
          code: second.code,
          redirectUri: REDIRECT_URI,
          codeVerifier: second.verifier,
          nonce: second.nonce,
        }),
      );
      expect(error.code).toBe("profile_failed");
    } finally {
      await lean.close();
    }
  });

  it("authenticates with client_secret_post when discovery lists only that", async () => {
    const seen: { authorization: string | null; body: string }[] = [];
    const postOnly: typeof fetch = async (input, init) => {
      const url = String(input);
      if (url.endsWith("/token")) {
        seen.push({
          authorization: new Headers(init?.headers).get("authorization"),
          body: String(init?.body),
        });
        return Response.json({ error: "invalid_client" }, { status: 401 });
      }
      const response = await fetch(input, init);
      if (!url.endsWith("/.well-known/openid-configuration")) return response;
      const doc = (await response.json()) as Record<string, unknown>;
      return Response.json({
        ...doc,
        token_endpoint_auth_methods_supported: ["client_secret_post"],
      });
    };
    const client = clientFor(idp.issuer, appClient, postOnly);
    const error = await providerRefusal(
      client.exchangeCode({ code: "c", redirectUri: REDIRECT_URI, codeVerifier: "v", nonce: "n" }),
    );
    expect(error.code).toBe("token_exchange_failed");
    expect(error.message).toContain("invalid_client");
    expect(seen).toHaveLength(1);
    expect(seen[0]?.authorization).toBeNull();
    expect(new URLSearchParams(seen[0]?.body).get("client_id")).toBe("app");
    expect(new URLSearchParams(seen[0]?.body).get("client_secret")).toBe("app-secret-value");
  });

  it("fails discovery when the provider cannot be reached", async () => {
    const client = clientFor("http://127.0.0.1:9");
    const error = await providerRefusal(
      client.authorizationUrl({
        redirectUri: REDIRECT_URI,
        state: "s",
        nonce: "n",
        codeChallenge: "c",
      }),
    );
    expect(error.code).toBe("discovery_failed");
  });
});
