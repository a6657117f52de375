/**
 * A real instance with a real OpenID provider for the client tests (never built or shipped): the
 * server's local provider on a loopback port, configured as the connection `oauth_custom_local`,
 * and the browser's round trip through its sign-in page.
 */
import { afterAll, beforeAll } from "vitest";
import type { LocalOidcUser } from "../../../../server/src/dev/local-oidc-provider.js";
import {
  customOidcConnection,
  type OAuthConnection,
} from "../../../../server/src/oauth/oauth-connection.js";
import { LOCAL_PROVIDER_PEOPLE } from "../../../../server/test/local-provider-people.js";
import { loginAtProvider } from "../../../../server/test/provider-login.js";
import {
  type LocalProviderProcess,
  startLocalProviderProcess,
} from "./local-provider-process.test-helpers.js";
import {
  TEST_APP_ORIGIN,
  type TestBrowserFetch,
  type TestInstance,
  useTestInstance,
} from "./test-app.test-helpers.js";

/** The strategy of the local connection, shown as "Local provider". */
export const LOCAL_STRATEGY = "oauth_custom_local";
/** A second connection to the same provider, shown after the first as "Spare provider". */
export const SPARE_STRATEGY = "oauth_custom_spare";

/** Where the provider sends the browser back: the instance's callback behind the app's proxy. */
const CALLBACK_URL = `${TEST_APP_ORIGIN}/__clerk/v1/oauth_callback`;
const CLIENT = {
  clientId: "latchkey-nextjs-test",
  clientSecret: "local-provider-secret-nextjs-0123",
};

/** People who can sign in at the local provider (`eve@` and `dan@`: addresses it never verified). */
export const LOCAL_PROVIDER_USERS: LocalOidcUser[] = [
  ...LOCAL_PROVIDER_PEOPLE,
  {
    sub: "fay-6",
    email: "fay@local.test",
    emailVerified: true,
    givenName: "Fay",
    familyName: "Upton",
  },
  {
    sub: "dan-5",
    email: "dan@local.test",
    emailVerified: false,
    givenName: "Dan",
    familyName: "New",
  },
];

/**
 * Starts the local provider (in a process of its own) and a fresh instance with two connections to it ({@link LOCAL_STRATEGY}
 * then {@link SPARE_STRATEGY}) for the current test file, and stops both after. The instance's clock is set to the real time, which
 * the provider's ID tokens carry.
 *
 * @example
 * const instance = useInstanceWithLocalProvider();
 */
export function useInstanceWithLocalProvider(
  users: LocalOidcUser[] = LOCAL_PROVIDER_USERS,
): TestInstance {
  let provider: LocalProviderProcess | undefined;
  const connections: OAuthConnection[] = [];
  // Registered before the instance's own hooks, so the connection exists when it starts.
  beforeAll(async () => {
    provider = await startLocalProviderProcess({
      clients: [{ ...CLIENT, redirectUris: [CALLBACK_URL] }],
      users,
    });
    const options = { issuer: provider.issuer, ...CLIENT };
    connections.push(
      { ...customOidcConnection("local", options), name: "Local provider" },
      { ...customOidcConnection("spare", options), name: "Spare provider" },
    );
  });
  afterAll(() => provider?.close());
  const instance = useTestInstance({
    frontendApi: { oauth: { connections, callbackUrl: CALLBACK_URL } },
  });
  beforeAll(() => {
    instance.clock.set(Date.now());
  });
  return instance;
}

/**
 * Signs in as `email` at the provider's page `providerUrl` (where the app sent the window), then
 * lets the provider send `browser` back through the instance's callback; answers the app page
 * the instance then redirects to (path and query), which the test opens next.
 *
 * @throws Error when the provider or the callback answers something else than a redirect.
 * @example
 * const page = await returnFromProvider(browser, navigation.assigns[0], "ada@local.test");
 * window.history.replaceState(null, "", page);
 */
export async function returnFromProvider(
  browser: TestBrowserFetch,
  providerUrl: string,
  email: string,
): Promise<string> {
  const back = new URL(await loginAtProvider(providerUrl, email));
  const callback = await browser.navigate(`/__clerk/v1/oauth_callback${back.search}`);
  const location = callback.headers.get("location");
  if (callback.status !== 303 || location === null) {
    throw new Error(`the callback answered ${callback.status}: ${await callback.text()}`);
  }
  const page = new URL(location, TEST_APP_ORIGIN);
  return `${page.pathname}${page.search}`;
}
