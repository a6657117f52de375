// Settings of the e2e instance that the specs rely on (applied by global-setup.ts).

/** Lifetime of session tokens: short, so a test can wait past it. */
export const E2E_TOKEN_LIFETIME_SECONDS = 10;

/** Failed password attempts before the account is locked. */
export const E2E_MAX_ATTEMPTS = 3;

/**
 * The header that stands in for a hosting platform's client-address header (`x-real-ip` on
 * Vercel, say): the demo is started with `LATCHKEY_CLIENT_IP_HEADER` naming it, and the browser
 * sends {@link E2E_CLIENT_ADDRESS} in it, so the app's proxy signs that address for the instance.
 */
export const E2E_CLIENT_IP_HEADER = "x-e2e-client-ip";

/** The address every browser of the run claims through {@link E2E_CLIENT_IP_HEADER}. */
export const E2E_CLIENT_ADDRESS = "192.0.2.10";
