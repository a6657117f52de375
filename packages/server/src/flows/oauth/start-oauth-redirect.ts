import { createHash } from "node:crypto";
import { newOAuthState } from "../../oauth/new-oauth-state.js";
import { newPkcePair } from "../../oauth/new-pkce-pair.js";
import type { FactorVerification } from "../../store/frontend-store.js";
import type { Store } from "../../store/store.js";
import type { OAuthConnections } from "./oauth-connections.js";

/** How long a redirect to a provider may take before its callback is refused (Clerk: 10 min). */
export const OAUTH_REDIRECT_LIFETIME_MS = 10 * 60 * 1000;

/** SHA-256 (hex) of a `state`: how a redirect is kept and found. */
export function oauthStateHash(state: string): string {
  return createHash("sha256").update(state, "utf8").digest("hex");
}

/** What a sign-in or sign-up asks of {@link startOAuthRedirect}. */
export interface OAuthRedirectRequest {
  clientId: string;
  attempt: { signInId: string } | { signUpId: string };
  strategy: string;
  /** The instance's `/v1/oauth_callback` as the browser reaches it (the provider's `redirect_uri`). */
  callbackUrl: string;
  /** The app page the browser returns to (checked against the allowed origins by the caller). */
  redirectUrl: string;
  actionCompleteRedirectUrl: string | null;
}

/**
 * Starts an authorization-code redirect to the strategy's provider: a fresh `state` (kept only as
 * its digest, bound to the client and the sign-in or sign-up), a nonce and a PKCE verifier
 * (encrypted), valid for ten minutes. Answers the verification to record, whose
 * `externalVerificationRedirectUrl` is where the browser goes.
 *
 * @throws `oauth_strategy_not_enabled` (422) for a strategy the instance does not offer;
 *   OAuthProviderError `discovery_failed` when the provider cannot be reached
 * @example
 * const verification = await startOAuthRedirect({ store, oauth, now }, request);
 */
export async function startOAuthRedirect(
  context: { store: Store; oauth: OAuthConnections; now: number },
  request: OAuthRedirectRequest,
): Promise<FactorVerification> {
  const client = context.oauth.client(request.strategy);
  const state = newOAuthState();
  const nonce = newOAuthState();
  const pkce = newPkcePair();
  const url = await client.authorizationUrl({
    redirectUri: request.callbackUrl,
    state,
    nonce,
    codeChallenge: pkce.challenge,
  });
  const expireAt = context.now + OAUTH_REDIRECT_LIFETIME_MS;
  await context.store.saveOAuthRedirect({
    stateHash: oauthStateHash(state),
    clientId: request.clientId,
    signInId: "signInId" in request.attempt ? request.attempt.signInId : null,
    signUpId: "signUpId" in request.attempt ? request.attempt.signUpId : null,
    strategy: request.strategy,
    nonce,
    codeVerifierCiphertext: context.oauth.cipher.encrypt(pkce.verifier),
    callbackUrl: request.callbackUrl,
    redirectUrl: request.redirectUrl,
    actionCompleteRedirectUrl: request.actionCompleteRedirectUrl,
    expireAt,
  });
  return {
    strategy: request.strategy,
    status: "unverified",
    attempts: null,
    expireAt,
    externalVerificationRedirectUrl: url,
    error: null,
  };
}
