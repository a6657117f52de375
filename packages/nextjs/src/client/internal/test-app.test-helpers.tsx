/** Shared fixtures of the client tests (never built or shipped): a real instance, in process. */
import "./node-globals.test-helpers.js";
import { configure, type RenderResult, render } from "@testing-library/react";
import type { ReactNode } from "react";
import {
  latestEmailCode,
  TEST_PASSWORD,
} from "../../../../server/src/http/routes/frontend/frontend-flows.test-helpers.js";
import { TEST_APP_ORIGIN } from "../../../../server/test/frontend-test-browser.js";
import { type TestInstance, useTestInstance } from "../../../../server/test/test-instance.js";
import { ClerkProvider, type ClerkProviderProps } from "../clerk-provider.js";
import type { InitialAuthState } from "./auth-state.js";

// Each step is a real round trip to the instance (argon2 hashing included): give `findBy…` and
// `waitFor` room on a busy machine.
configure({ asyncUtilTimeout: 10_000 });

export type { TestInstance };
export { latestEmailCode, TEST_APP_ORIGIN, TEST_PASSWORD, useTestInstance };

/** A browser's view of the instance: a `fetch` through the app's `/__clerk` and its cookie jar. */
export interface TestBrowserFetch {
  fetch: typeof fetch;
  cookies: Map<string, string>;
  /** Every request made, as `METHOD path`. */
  requests: string[];
  /**
   * Opens `path` the way the address bar does (a top-level GET: cookies sent, no `Origin`), for
   * the provider sending the browser back; redirects are answered, not followed.
   */
  navigate(path: string): Promise<Response>;
}

/**
 * A `fetch` that sends to the in-process instance like a browser on {@link TEST_APP_ORIGIN}
 * would through the app's proxy: `Origin` set, cookies kept (`Max-Age=0` deletes) and sent back.
 *
 * @example
 * const browser = createBrowserFetch(instance);
 * render(<ClerkProvider fetch={browser.fetch}>…</ClerkProvider>);
 */
export function createBrowserFetch(instance: TestInstance): TestBrowserFetch {
  const cookies = new Map<string, string>();
  const requests: string[] = [];
  // `topLevel`: an address-bar navigation, which sends no `Origin` and answers redirects.
  const send = async (url: string, init: RequestInit | undefined, topLevel: boolean) => {
    const headers = new Headers(init?.headers);
    if (!topLevel) headers.set("Origin", TEST_APP_ORIGIN);
    if (cookies.size > 0) {
      headers.set("Cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    requests.push(`${init?.method ?? "GET"} ${url}`);
    const response = await instance.fetch(url, {
      method: init?.method ?? "GET",
      headers,
      ...(topLevel ? { redirect: "manual" as const } : {}),
      ...(init?.body === undefined || init.body === null ? {} : { body: init.body }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      if (/;\s*Max-Age=0(;|$)/i.test(line)) cookies.delete(name);
      else cookies.set(name, pair.slice(eq + 1).trim());
    }
    return response;
  };
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    return send(url, init, false);
  };
  return {
    fetch: fetchFn as typeof fetch,
    cookies,
    requests,
    navigate: (path) => send(path, undefined, true),
  };
}

/** A test browser whose matching requests wait at a gate, for looking at a form while it is busy. */
export interface HeldBrowser extends TestBrowserFetch {
  /** Requests that matched, as `METHOD path`, counted when the page sent them. */
  held: string[];
  /** Lets every waiting (and later) matching request through. */
  release(): void;
}

/**
 * Wraps `browser` so that requests whose `METHOD url` matches `pattern` wait until `release()`,
 * as on a slow network.
 *
 * @example
 * const slow = holdRequests(browser, /^POST .*\/sign_ins$/);
 * renderWithProvider(<SignIn />, { browser: slow });
 */
export function holdRequests(browser: TestBrowserFetch, pattern: RegExp): HeldBrowser {
  let release = () => {};
  const gate = new Promise<void>((done) => {
    release = done;
  });
  const held: string[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const line = `${init?.method ?? "GET"} ${url.split("?")[0]}`;
    if (pattern.test(line)) {
      held.push(line);
      await gate;
    }
    return browser.fetch(input, init);
  };
  return { ...browser, fetch: fetchFn as typeof fetch, held, release: () => release() };
}

/** Navigation the provider asked for. */
export interface RecordedNavigation {
  pushes: string[];
  replaces: string[];
  refreshes: number;
  /** Full-page navigations to other sites (social providers' pages). */
  assigns: string[];
}

/** The provider's navigation props, recording into {@link RecordedNavigation} instead of moving. */
export type RecordingNavigationProps = Required<
  Pick<ClerkProviderProps, "routerPush" | "routerReplace" | "routerRefresh" | "windowNavigate">
>;

/**
 * Navigation props for a test provider, and what they record.
 *
 * @example
 * const { navigation, props } = recordNavigation();
 * render(<ClerkProvider fetch={browser.fetch} {...props}>…</ClerkProvider>);
 */
export function recordNavigation(): {
  navigation: RecordedNavigation;
  props: RecordingNavigationProps;
} {
  const navigation: RecordedNavigation = { pushes: [], replaces: [], refreshes: 0, assigns: [] };
  return {
    navigation,
    props: {
      routerPush: (url) => {
        navigation.pushes.push(url);
      },
      routerReplace: (url) => {
        navigation.replaces.push(url);
      },
      routerRefresh: () => {
        navigation.refreshes += 1;
      },
      windowNavigate: (url) => {
        navigation.assigns.push(url);
      },
    },
  };
}

/** Options of {@link renderWithProvider}. */
export interface RenderOptions {
  browser: TestBrowserFetch;
  initialState?: InitialAuthState;
  props?: Partial<ClerkProviderProps>;
}

/**
 * Renders `ui` inside the client `<ClerkProvider>` wired to the test browser, recording
 * navigation instead of performing it.
 *
 * @example
 * const { navigation } = renderWithProvider(<SignIn />, { browser });
 */
export function renderWithProvider(
  ui: ReactNode,
  options: RenderOptions,
): RenderResult & { navigation: RecordedNavigation } {
  const { navigation, props } = recordNavigation();
  const result = render(
    <ClerkProvider
      fetch={options.browser.fetch}
      {...props}
      {...(options.initialState === undefined ? {} : { initialState: options.initialState })}
      {...options.props}
    >
      {ui}
    </ClerkProvider>,
  );
  return Object.assign(result, { navigation });
}

/**
 * Signs a new user up through the Frontend API (email + password + mailed code) in `browser`,
 * outside React; returns the ids.
 */
export async function signUpUser(
  instance: TestInstance,
  browser: TestBrowserFetch,
  emailAddress: string,
): Promise<{ userId: string; sessionId: string }> {
  const post = (path: string, form: Record<string, string>) =>
    browser.fetch(`/__clerk${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
  const created = await (
    await post("/v1/client/sign_ups", {
      email_address: emailAddress,
      password: TEST_PASSWORD,
      strategy: "email_code",
    })
  ).json();
  const code = await latestEmailCode(instance, emailAddress);
  const done = await (
    await post(`/v1/client/sign_ups/${created.response.id}/attempt_verification`, { code })
  ).json();
  if (done.response?.status !== "complete")
    throw new Error(`sign-up failed: ${JSON.stringify(done)}`);
  return { userId: done.response.created_user_id, sessionId: done.response.created_session_id };
}

/** Signs the browser out (`DELETE /v1/client`) outside React. */
export async function signOutBrowser(browser: TestBrowserFetch): Promise<void> {
  await browser.fetch("/__clerk/v1/client?_method=DELETE", { method: "POST" });
}

/**
 * Calls a hook on every render and hands its value to `into` (tests read hooks this way).
 *
 * @example
 * let auth; render(<Capture use={useAuth} into={(value) => { auth = value; }} />);
 */
export function Capture<T>(props: { use: () => T; into: (value: T) => void }): ReactNode {
  props.into(props.use());
  return null;
}
