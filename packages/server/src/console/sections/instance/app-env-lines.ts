/** What an app needs to use the instance, as `.env.local` names it. */
export interface AppEnv {
  secretKey: string;
  publishableKey: string | null;
  /** The instance's public URL (Backend API base). */
  apiUrl: string;
}

/** The secret key as a page may show it: its prefix and last four characters. */
export function maskSecretKey(secretKey: string): string {
  return `${secretKey.slice(0, 8)}${"•".repeat(8)}${secretKey.slice(-4)}`;
}

/**
 * The `.env.local` lines of an app using the instance (the names Clerk's SDKs read), the secret key
 * masked unless `reveal`.
 *
 * @example
 * appEnvLines({ secretKey, publishableKey, apiUrl: "http://localhost:4100" }, false);
 * // ["CLERK_SECRET_KEY=sk_test_••••••••6789", "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_test_…", …]
 */
export function appEnvLines(env: AppEnv, reveal: boolean): string[] {
  return [
    `CLERK_SECRET_KEY=${reveal ? env.secretKey : maskSecretKey(env.secretKey)}`,
    ...(env.publishableKey === null
      ? []
      : [`NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${env.publishableKey}`]),
    `CLERK_API_URL=${env.apiUrl}`,
  ];
}
