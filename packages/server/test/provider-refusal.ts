import { expect } from "vitest";
import { OAuthProviderError } from "../src/oauth/oauth-provider-error.js";

/**
 * The {@link OAuthProviderError} a provider call ends in (the test fails when it resolves or
 * throws anything else).
 *
 * @example
 * expect((await providerRefusal(client.exchangeCode(input))).code).toBe("token_exchange_failed");
 */
export async function providerRefusal(promise: Promise<unknown>): Promise<OAuthProviderError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OAuthProviderError);
  return error as OAuthProviderError;
}
