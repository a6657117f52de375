import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type LocalCognito, startLocalCognito } from "../../../test/local-cognito.js";
import { needsRehash } from "../needs-rehash.js";
import { checkPasswordDigest } from "../password-hashers.js";
import { verifyPassword } from "../verify-password.js";
import { awsCognitoDigest } from "./aws-cognito-digest.js";

const PASSWORD = "Cognito-password-1!";

describe("awscognito: the password is checked by the Cognito user pool", () => {
  let cognito: LocalCognito;
  beforeAll(async () => {
    cognito = await startLocalCognito({
      users: [
        { username: "ada@example.com", password: PASSWORD },
        { username: "grace#1+hopper@example.com", password: PASSWORD },
        { username: "new@example.com", password: PASSWORD, challenge: "NEW_PASSWORD_REQUIRED" },
        { username: "mfa@example.com", password: PASSWORD, challenge: "SMS_MFA" },
      ],
      faults: {
        "error@example.com": "error",
        "throttled@example.com": "throttled",
        "garbled@example.com": "garbled",
        "odd@example.com": "odd",
        "hang@example.com": "hang",
      },
    });
  });
  afterAll(() => cognito.close());
  afterEach(() => {
    vi.unstubAllEnvs();
    cognito.requests.length = 0;
  });

  const local = (timeoutMs?: number) =>
    awsCognitoDigest({ endpoint: () => cognito.endpoint, timeoutMs });

  it("matches on tokens, sending InitiateAuth with USER_PASSWORD_AUTH as AWS documents it", async () => {
    const digest = cognito.digest("ada@example.com");
    expect(checkPasswordDigest("awscognito", digest)).toBe("awscognito");
    expect(await local().verify(digest, PASSWORD)).toBe(true);
    expect(cognito.requests).toEqual([
      {
        method: "POST",
        path: "/",
        contentType: "application/x-amz-json-1.1",
        target: "AWSCognitoIdentityProviderService.InitiateAuth",
        body: {
          AuthFlow: "USER_PASSWORD_AUTH",
          ClientId: cognito.clientId,
          AuthParameters: { USERNAME: "ada@example.com", PASSWORD },
        },
      },
    ]);
    // The identifier is everything after the client id, `#` included.
    expect(await local().verify(cognito.digest("grace#1+hopper@example.com"), PASSWORD)).toBe(true);
    expect(needsRehash({ hasher: "awscognito", digest })).toBe(true);
  });

  it("matches on a challenge Cognito asks for after a right password", async () => {
    expect(await local().verify(cognito.digest("new@example.com"), PASSWORD)).toBe(true);
    expect(await local().verify(cognito.digest("mfa@example.com"), PASSWORD)).toBe(true);
    expect(await local().verify(cognito.digest("mfa@example.com"), `${PASSWORD}x`)).toBe(false);
  });

  it("does not match a wrong password, an unknown user or another app client", async () => {
    expect(await local().verify(cognito.digest("ada@example.com"), `${PASSWORD}x`)).toBe(false);
    expect(await local().verify(cognito.digest("nobody@example.com"), PASSWORD)).toBe(false);
    const otherClient = `awscognito#${cognito.userPoolId}#1example23456789#ada@example.com`;
    expect(await local().verify(otherClient, PASSWORD)).toBe(false);
    expect(cognito.requests).toHaveLength(3);
  });

  it("fails closed on a 5xx, throttling, an answer that is not JSON or not Cognito's", async () => {
    for (const username of ["error", "throttled", "garbled", "odd"]) {
      const digest = cognito.digest(`${username}@example.com`);
      expect(await local().verify(digest, PASSWORD), username).toBe(false);
    }
    expect(cognito.requests).toHaveLength(4);
  });

  it("fails closed when Cognito does not answer in time, or cannot be reached", async () => {
    const started = Date.now();
    expect(await local(200).verify(cognito.digest("hang@example.com"), PASSWORD)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
    const closed = await startLocalCognito({ users: [] });
    await closed.close();
    const unreachable = awsCognitoDigest({ endpoint: () => closed.endpoint });
    expect(await unreachable.verify(closed.digest("ada@example.com"), PASSWORD)).toBe(false);
  });

  it("fails closed on a redirect rather than following it", async () => {
    const fetch = vi.fn(
      async (_url: string | URL | Request, _init?: RequestInit) =>
        new Response(null, { status: 307, headers: { Location: "http://169.254.169.254/" } }),
    );
    const hasher = awsCognitoDigest({
      endpoint: () => undefined,
      fetch: fetch as typeof globalThis.fetch,
    });
    expect(await hasher.verify(cognito.digest("ada@example.com"), PASSWORD)).toBe(false);
    expect(fetch.mock.calls[0]?.[1]?.redirect).toBe("manual");
  });

  it("asks the pool's region, unless LATCHKEY_COGNITO_ENDPOINT (read at each check) names another endpoint", async () => {
    const urls: string[] = [];
    const fetch = (async (url: string | URL | Request) => {
      urls.push(String(url));
      return Response.json({ AuthenticationResult: { AccessToken: "a" } });
    }) as typeof globalThis.fetch;
    const hasher = awsCognitoDigest({ fetch });
    vi.stubEnv("LATCHKEY_COGNITO_ENDPOINT", "");
    await hasher.verify("awscognito#us-gov-east-1_Abc123#1example23456789#ada", PASSWORD);
    await hasher.verify("awscognito#ap-southeast-2_Abc123#1example23456789#ada", PASSWORD);
    vi.stubEnv("LATCHKEY_COGNITO_ENDPOINT", "http://127.0.0.1:9/");
    await hasher.verify("awscognito#eu-west-1_Abc123#1example23456789#ada", PASSWORD);
    expect(urls).toEqual([
      "https://cognito-idp.us-gov-east-1.amazonaws.com/",
      "https://cognito-idp.ap-southeast-2.amazonaws.com/",
      "http://127.0.0.1:9/",
    ]);
  });

  it("is the hasher sign-in uses for awscognito, and sends nothing for a malformed digest", async () => {
    vi.stubEnv("LATCHKEY_COGNITO_ENDPOINT", cognito.endpoint);
    const digest = cognito.digest("ada@example.com");
    expect(await verifyPassword({ hasher: "awscognito", digest }, PASSWORD)).toBe(true);
    expect(await verifyPassword({ hasher: "awscognito", digest }, "wrong")).toBe(false);
    const hostile = `awscognito#eu-west-1.evil.example_A#${cognito.clientId}#ada@example.com`;
    expect(await verifyPassword({ hasher: "awscognito", digest: hostile }, PASSWORD)).toBe(false);
    expect(cognito.requests).toHaveLength(2);
  });
});
