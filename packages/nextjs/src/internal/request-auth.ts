import {
  type AuthObject,
  authenticateRequest,
  signedInAuthObject,
  signedOutAuthObject,
} from "@latchkey/backend";
import type { ResolvedConfig } from "./config/resolve-config.js";
import { decodeJwtPayload } from "./decode-jwt-payload.js";
import type { HeaderLookup } from "./request-kind.js";
import {
  checkSignedAuthState,
  type SignedAuthState,
} from "./signed-auth-headers/signed-auth-state.js";

/** A request's auth object, and where the verdict came from. */
export interface RequestAuth {
  auth: AuthObject;
  /** `middleware` when signed headers vouched for it, `request` when verified here. */
  source: "middleware" | "request";
  /** The URL the browser asked for, when the middleware recorded it. */
  url: string | undefined;
}

const PLACEHOLDER_URL = "http://localhost/";

/**
 * A request's auth, known now (the middleware's verdict, checked with `node:crypto`) or still
 * being resolved (a token to verify here, or a verdict checked with Web Crypto). `getAuth(req)`
 * can be read at once only in the first case, as Clerk's synchronous form is.
 */
export type ResolvedAuth =
  | { ready: true; result: RequestAuth }
  | { ready: false; result: Promise<RequestAuth> };

/**
 * Resolves a request's auth: the middleware's signed verdict when its HMAC is valid; otherwise
 * (no middleware, or headers that did not come from it) the request's own `Authorization` /
 * `__session` is verified here. Unsigned or tampered auth headers are never believed.
 */
export function resolveRequestAuth(header: HeaderLookup, config: ResolvedConfig): ResolvedAuth {
  const check = checkSignedAuthState(header, config.secretKey);
  switch (check.status) {
    case "valid":
      return { ready: true, result: fromSignedState(check.state, config) };
    case "pending":
      return {
        ready: false,
        result: check.state.then((state) =>
          state ? fromSignedState(state, config) : verifyOwnToken(header, config),
        ),
      };
    case "absent":
    case "invalid":
      return { ready: false, result: verifyOwnToken(header, config) };
  }
}

const DEFAULT_CLOCK_SKEW_MS = 5000;

/**
 * The middleware's verdict as an auth object. A signed-in verdict is only as good as its token:
 * once the token has expired, a verdict replayed later (say, copied from a header echo) is signed
 * out, as the token itself would be.
 */
function fromSignedState(signed: SignedAuthState, config: ResolvedConfig): RequestAuth {
  const fetchTemplateToken = config.authenticateOptions.templateTokenFetcher;
  const claims = signed.status === "signed-in" ? decodeJwtPayload(signed.token) : undefined;
  const skew = config.authenticateOptions.clockSkewInMs ?? DEFAULT_CLOCK_SKEW_MS;
  const expired =
    claims !== undefined &&
    (typeof claims.exp !== "number" || claims.exp * 1000 <= config.now() - skew);
  const auth =
    claims && !expired
      ? signedInAuthObject(signed.token, claims, fetchTemplateToken)
      : signedOutAuthObject({
          reason: expired ? "session-token-expired" : signed.reason || "session-token-invalid",
        });
  return { auth, source: "middleware", url: signed.url || undefined };
}

async function verifyOwnToken(header: HeaderLookup, config: ResolvedConfig): Promise<RequestAuth> {
  const headers = new Headers();
  const authorization = header("authorization");
  const cookie = header("cookie");
  if (authorization !== undefined) headers.set("authorization", authorization);
  if (cookie !== undefined) headers.set("cookie", cookie);
  const state = await authenticateRequest(
    new Request(PLACEHOLDER_URL, { headers }),
    config.authenticateOptions,
  );
  return { auth: state.toAuth(), source: "request", url: undefined };
}
