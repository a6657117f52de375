import { readResponseText } from "../../internal/read-response-text.js";
import type { DigestHasher } from "./digest-hasher.js";

/**
 * A user pool id: `<region>_<id>`, the region as AWS names them (`eu-west-1`, `us-gov-east-1`).
 * Strict, because the region becomes part of the host the password is sent to.
 */
const USER_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d+)_[0-9A-Za-z]+$/;
const MAX_USER_POOL_ID = 55;

/** An app client id as Cognito issues them (26 lower-case letters and digits); at most 128. */
const CLIENT_ID = /^[0-9a-z]{1,128}$/;

/** A Cognito username (or the email or phone number the pool signs in with): no spaces, ≤128. */
const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;

/** How long Cognito gets to answer before the password is taken as not matching. */
const DEFAULT_TIMEOUT_MS = 5000;

/** The largest answer read from Cognito (`InitiateAuth` answers with a few KB of tokens). */
const COGNITO_MAX_ANSWER_BYTES = 256 * 1024;

/** The environment variable that replaces Cognito's regional endpoint (tests, private endpoints). */
export const COGNITO_ENDPOINT_VARIABLE = "LATCHKEY_COGNITO_ENDPOINT";

/** The parts of an `awscognito` digest. */
interface CognitoDigest {
  region: string;
  clientId: string;
  username: string;
}

/** `awscognito#<user pool id>#<client id>#<identifier>`; the identifier may itself hold `#`. */
function parse(digest: string): CognitoDigest | null {
  const [prefix, userPoolId = "", clientId = "", ...rest] = digest.split("#");
  const username = rest.join("#");
  if (prefix !== "awscognito" || rest.length === 0) return null;
  if (userPoolId.length > MAX_USER_POOL_ID) return null;
  const pool = USER_POOL_ID.exec(userPoolId);
  if (pool === null || !CLIENT_ID.test(clientId) || !USERNAME.test(username)) return null;
  return { region: pool[1] as string, clientId, username };
}

/** Options of {@link awsCognitoDigest}. */
export interface AwsCognitoDigestOptions {
  /** Milliseconds Cognito gets to answer (default 5000); past them the password does not match. */
  timeoutMs?: number;
  /** The endpoint to ask instead of the region's (default: `LATCHKEY_COGNITO_ENDPOINT`, read per call). */
  endpoint?: () => string | undefined;
  /** The `fetch` to ask with (default: the global one). */
  fetch?: typeof fetch;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** True for Cognito's answer to a right password: tokens, or a challenge that comes after it. */
function passwordAccepted(status: number, body: unknown): boolean {
  if (status !== 200 || !isObject(body)) return false;
  if (isObject(body.AuthenticationResult)) return true;
  return typeof body.ChallengeName === "string" && body.ChallengeName !== "";
}

/**
 * Clerk's `awscognito`: the password stays in the Cognito user pool, and is checked by asking it
 * (`InitiateAuth` with `USER_PASSWORD_AUTH`, which needs an app client without a secret that
 * allows that flow). Tokens or a challenge (`NEW_PASSWORD_REQUIRED`, `SMS_MFA`…) mean the password
 * was right; `NotAuthorizedException` or `UserNotFoundException` that it was not; anything else
 * (unreachable, timeout, 5xx, throttling, a redirect, an answer of another shape) fails closed, as a
 * mismatch. The password is sent to Cognito only, and never logged. The host is
 * `cognito-idp.<region>.amazonaws.com`, the region taken from the strictly checked pool id, unless
 * `LATCHKEY_COGNITO_ENDPOINT` names another endpoint.
 *
 * @example
 * await awsCognitoDigest().verify("awscognito#eu-west-1_AbC123#1example23456789#ada@example.com", "…");
 */
export function awsCognitoDigest(options: AwsCognitoDigestOptions = {}): DigestHasher {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const endpointOverride = options.endpoint ?? (() => process.env[COGNITO_ENDPOINT_VARIABLE]);
  return {
    isWellFormed: (digest) => parse(digest) !== null,
    async verify(digest, password) {
      const parsed = parse(digest);
      if (parsed === null) return false;
      const endpoint = endpointOverride() || `https://cognito-idp.${parsed.region}.amazonaws.com/`;
      try {
        const response = await (options.fetch ?? fetch)(endpoint, {
          method: "POST",
          headers: {
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": "AWSCognitoIdentityProviderService.InitiateAuth",
          },
          body: JSON.stringify({
            AuthFlow: "USER_PASSWORD_AUTH",
            ClientId: parsed.clientId,
            AuthParameters: { USERNAME: parsed.username, PASSWORD: password },
          }),
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutMs),
        });
        const read = await readResponseText(response, COGNITO_MAX_ANSWER_BYTES);
        if (!read.complete) return false;
        const body: unknown = JSON.parse(read.text);
        // A 400 with NotAuthorizedException or UserNotFoundException is the plain "no"; every other
        // answer is just as much a mismatch here, so only the "yes" needs telling apart.
        return passwordAccepted(response.status, body);
      } catch {
        return false;
      }
    },
  };
}
