// Settings of the e2e instance that the specs rely on (applied by global-setup.ts).

/** Lifetime of session tokens: short, so a test can wait past it. */
export const E2E_TOKEN_LIFETIME_SECONDS = 10;

/** Failed password attempts before the account is locked. */
export const E2E_MAX_ATTEMPTS = 3;
