/** What went wrong talking to a sign-in provider; callers switch on it. */
export type OAuthProviderErrorCode =
  | "discovery_failed"
  | "token_exchange_failed"
  | "id_token_invalid"
  | "profile_failed"
  | "refresh_failed";

/**
 * A sign-in provider could not be reached, refused a request, or answered something that does not
 * check out. The message names the step and the provider's own `error`/`error_description` when it
 * sent one; it never holds a client secret, an authorization code or a token.
 *
 * @example
 * try {
 *   await client.exchangeCode(input);
 * } catch (error) {
 *   if (error instanceof OAuthProviderError && error.code === "id_token_invalid") answer401();
 * }
 */
export class OAuthProviderError extends Error {
  readonly code: OAuthProviderErrorCode;

  constructor(code: OAuthProviderErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "OAuthProviderError";
    this.code = code;
  }
}
