/** The GitHub client against a local stand-in speaking GitHub's documented answers. */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalGithub, startLocalGithub } from "../../test/local-github.js";
import { providerRefusal } from "../../test/provider-refusal.js";
import { createFixedClock } from "../clock.js";
import { newPkcePair } from "./new-pkce-pair.js";
import { createOAuthClient, type OAuthClient } from "./oauth-client.js";
import { githubConnection } from "./oauth-connection.js";

const REDIRECT_URI = "http://127.0.0.1:3999/callback";
const clock = createFixedClock(1_800_000_000_000);
let github: LocalGithub;
let client: OAuthClient;

beforeAll(async () => {
  github = await startLocalGithub({
    users: [
      {
        id: 101,
        login: "ada",
        name: "Ada King Lovelace",
        emails: [
          { email: "ada@work.example", primary: false, verified: true },
          { email: "ada@example.com", primary: true, verified: true },
        ],
      },
      {
        id: 102,
        login: "bob",
        name: "Bob",
        emails: [{ email: "bob@example.com", primary: true, verified: false }],
      },
      { id: 103, login: "nemo", name: null, emails: [] },
    ],
  });
  client = createOAuthClient(
    githubConnection({
      clientId: github.clientId,
      clientSecret: github.clientSecret,
      endpoints: github.endpoints,
    }),
    { now: clock.now },
  );
});
afterAll(async () => {
  await github?.close();
});

async function exchangeAs(login: string) {
  const pkce = newPkcePair();
  const code = github.issueCode(login, {
    redirectUri: REDIRECT_URI,
    codeChallenge: pkce.challenge,
  });
  return client.exchangeCode({
    code,
    redirectUri: REDIRECT_URI,
    codeVerifier: pkce.verifier,
    nonce: "unused",
  });
}

describe("GitHub client against a local GitHub", () => {
  it("builds GitHub's authorization URL with PKCE and state", async () => {
    const url = new URL(
      await client.authorizationUrl({
        redirectUri: REDIRECT_URI,
        state: "st",
        nonce: "n",
        codeChallenge: "ch",
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(github.endpoints.authorization);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: github.clientId,
      redirect_uri: REDIRECT_URI,
      scope: "read:user user:email",
      state: "st",
      code_challenge: "ch",
      code_challenge_method: "S256",
    });
  });

  it("reads the profile with the verified primary email, and the tokens", async () => {
    const { tokens, profile } = await exchangeAs("ada");
    expect(profile).toEqual({
      providerUserId: "101",
      emailAddress: "ada@example.com",
      emailVerified: true,
      firstName: "Ada",
      lastName: "King Lovelace",
      imageUrl: "https://avatars.githubusercontent.com/u/101?v=4",
      username: "ada",
    });
    expect(tokens.accessToken).toMatch(/^gho_/);
    expect(tokens.scopes).toEqual(["read:user", "user:email"]);
    expect(tokens.expiresAt).toBe(clock.now() + 28_800_000);
    expect(tokens.idToken).toBeNull();

    const refreshed = await client.refresh(tokens.refreshToken ?? "");
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect((await providerRefusal(client.refresh(tokens.refreshToken ?? ""))).code).toBe(
      "refresh_failed",
    );
  });

  it("keeps an unverified primary email as unverified", async () => {
    const { profile } = await exchangeAs("bob");
    expect(profile).toMatchObject({
      providerUserId: "102",
      emailAddress: "bob@example.com",
      emailVerified: false,
      firstName: "Bob",
      lastName: null,
    });
  });

  it("has no email when GitHub lists none", async () => {
    const { profile } = await exchangeAs("nemo");
    expect(profile).toMatchObject({
      emailAddress: null,
      emailVerified: false,
      firstName: null,
      lastName: null,
    });
  });

  it("refuses a bad code, which GitHub answers with HTTP 200 and an error", async () => {
    const error = await providerRefusal(
      client.exchangeCode({
        code: "0123456789abcdef",
        redirectUri: REDIRECT_URI,
        codeVerifier: "v",
        nonce: "n",
      }),
    );
    expect(error.code).toBe("token_exchange_failed");
    expect(error.message).toContain("bad_verification_code");
    expect(error.message).not.toContain("0123456789abcdef");
    expect(error.message).not.toContain(github.clientSecret);
  });

  it("refuses a code used twice, and a wrong code_verifier", async () => {
    const pkce = newPkcePair();
    const code = github.issueCode("ada", {
      redirectUri: REDIRECT_URI,
      codeChallenge: pkce.challenge,
    });
    await client.exchangeCode({
      code,
      redirectUri: REDIRECT_URI,
      codeVerifier: pkce.verifier,
      nonce: "n",
    });
    const reused = await providerRefusal(
      client.exchangeCode({
        code,
        redirectUri: REDIRECT_URI,
        codeVerifier: pkce.verifier,
        nonce: "n",
      }),
    );
    expect(reused.code).toBe("token_exchange_failed");

    const other = github.issueCode("ada", {
      redirectUri: REDIRECT_URI,
      codeChallenge: pkce.challenge,
    });
    const wrong = await providerRefusal(
      client.exchangeCode({
        code: other,
        redirectUri: REDIRECT_URI,
        codeVerifier: newPkcePair().verifier,
        nonce: "n",
      }),
    );
    expect(wrong.code).toBe("token_exchange_failed");
  });

  it("refuses wrong client credentials", async () => {
    const impostor = createOAuthClient(
      githubConnection({
        clientId: github.clientId,
        clientSecret: "wrong-secret",
        endpoints: github.endpoints,
      }),
      { now: clock.now },
    );
    const code = github.issueCode("ada", { redirectUri: REDIRECT_URI });
    const error = await providerRefusal(
      impostor.exchangeCode({ code, redirectUri: REDIRECT_URI, codeVerifier: "v", nonce: "n" }),
    );
    expect(error.code).toBe("token_exchange_failed");
    expect(error.message).toContain("incorrect_client_credentials");
    expect(error.message).not.toContain("wrong-secret");
  });

  it("fails the profile when the API refuses the token", async () => {
    const broken = createOAuthClient(
      githubConnection({
        clientId: github.clientId,
        clientSecret: github.clientSecret,
        endpoints: { ...github.endpoints, user: `${github.origin}/users/missing` },
      }),
      { now: clock.now },
    );
    const code = github.issueCode("ada", { redirectUri: REDIRECT_URI });
    const error = await providerRefusal(
      broken.exchangeCode({ code, redirectUri: REDIRECT_URI, codeVerifier: "v", nonce: "n" }),
    );
    expect(error.code).toBe("profile_failed");
  });
});
