"use client";

import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime.js";
import {
  type Context,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { Appearance } from "./internal/appearance.js";
import type { InitialAuthState } from "./internal/auth-state.js";
import { ClerkContext, type ClerkContextValue } from "./internal/clerk-context.js";
import { LatchkeyClerk } from "./internal/latchkey-clerk.js";
import { enUS } from "./internal/localization/en-us.js";
import type { LocalizationResource } from "./internal/localization/localization.js";
import { mergeLocalization } from "./internal/localization/merge-localization.js";
import type { Navigation } from "./internal/navigation.js";

/** The part of Next's app router the provider uses. */
interface AppRouter {
  push(url: string): void;
  replace(url: string): void;
  refresh(): void;
}

/** Props of the client `<ClerkProvider>`. */
export interface ClerkProviderProps {
  children?: ReactNode;
  /**
   * The server's auth state when the page was rendered; the server `ClerkProvider` of
   * `@latchkey/nextjs` passes it, so the first render is already signed in (no flash).
   */
  initialState?: InitialAuthState;
  /** Where the Frontend API is reached. Default `/__clerk` (the middleware's proxy). */
  frontendApi?: string;
  /** `fetch` for the Frontend API (tests, custom transports). Default the global `fetch`. */
  fetch?: typeof fetch;
  /** Accepted for Clerk compatibility; the Frontend API is reached through `frontendApi`. */
  publishableKey?: string;
  /** Sign-in page. Default `/sign-in`. */
  signInUrl?: string;
  /** Sign-up page. Default `/sign-up`. */
  signUpUrl?: string;
  signInFallbackRedirectUrl?: string;
  signUpFallbackRedirectUrl?: string;
  signInForceRedirectUrl?: string;
  signUpForceRedirectUrl?: string;
  /** Where `signOut()` goes by default. */
  afterSignOutUrl?: string;
  /** Class names per element and theme `variables` of the components. */
  appearance?: Appearance;
  /**
   * Texts of the components, Clerk's `localization` shape: any part overrides the English
   * default (`{ signIn: { start: { title: "Welcome" } } }`), including the messages of error
   * codes (`{ unstable__errors: { form_password_incorrect: "…" } }`).
   */
  localization?: LocalizationResource;
  /** Navigation overrides (default: Next's app router, else `window.location`). */
  routerPush?: (url: string) => unknown;
  routerReplace?: (url: string) => unknown;
  /** Re-renders server components after sign-in/out (default: `router.refresh()`). */
  routerRefresh?: () => void;
  /**
   * Full-page navigation to another site, a social provider's sign-in page (default:
   * `window.location.assign`); tests record it instead.
   */
  windowNavigate?: (url: string) => void;
}

/**
 * Client-side `<ClerkProvider>`: loads the browser's client and the instance's environment from
 * the Frontend API and gives the hooks and components their state. Apps normally render the
 * server `ClerkProvider` from `@latchkey/nextjs`, which reads `auth()` and renders this one with
 * `initialState`.
 *
 * @throws never at render; Frontend API failures surface in the calls that make them.
 * @example
 * ```tsx
 * "use client";
 * import { ClerkProvider } from "@latchkey/nextjs/client";
 * export function Providers({ children }: { children: React.ReactNode }) {
 *   return <ClerkProvider signInUrl="/sign-in">{children}</ClerkProvider>;
 * }
 * ```
 */
export function ClerkProvider(props: ClerkProviderProps): ReactNode {
  const router = useContext(AppRouterContext as Context<AppRouter | null>);
  const navigationRef = useRef<Navigation | null>(null);
  navigationRef.current = {
    push: (url) =>
      props.routerPush
        ? props.routerPush(url)
        : router
          ? router.push(url)
          : window.location.assign(url),
    replace: (url) =>
      props.routerReplace
        ? props.routerReplace(url)
        : router
          ? router.replace(url)
          : window.location.replace(url),
    refresh: () => {
      if (props.routerRefresh) props.routerRefresh();
      else router?.refresh();
    },
    assign: (url) =>
      props.windowNavigate ? props.windowNavigate(url) : window.location.assign(url),
  };
  const signInUrl = props.signInUrl ?? "/sign-in";
  const signUpUrl = props.signUpUrl ?? "/sign-up";
  const [core] = useState(
    () =>
      new LatchkeyClerk({
        ...(props.frontendApi === undefined ? {} : { frontendApi: props.frontendApi }),
        ...(props.fetch === undefined ? {} : { fetch: props.fetch }),
        ...(props.afterSignOutUrl === undefined ? {} : { afterSignOutUrl: props.afterSignOutUrl }),
        signInUrl,
        signUpUrl,
        navigation: {
          push: (url) => navigationRef.current?.push(url),
          replace: (url) => navigationRef.current?.replace(url),
          refresh: () => navigationRef.current?.refresh(),
          assign: (url) => navigationRef.current?.assign(url),
        },
      }),
  );

  useEffect(() => {
    core.load().catch(() => undefined);
  }, [core]);

  const localization = useMemo(
    () => mergeLocalization(enUS, props.localization),
    [props.localization],
  );

  const value = useMemo<ClerkContextValue>(
    () => ({
      core,
      initialState: props.initialState,
      appearance: props.appearance,
      localization,
      redirects: {
        signInUrl,
        signUpUrl,
        ...(props.signInFallbackRedirectUrl === undefined
          ? {}
          : { signInFallbackRedirectUrl: props.signInFallbackRedirectUrl }),
        ...(props.signUpFallbackRedirectUrl === undefined
          ? {}
          : { signUpFallbackRedirectUrl: props.signUpFallbackRedirectUrl }),
        ...(props.signInForceRedirectUrl === undefined
          ? {}
          : { signInForceRedirectUrl: props.signInForceRedirectUrl }),
        ...(props.signUpForceRedirectUrl === undefined
          ? {}
          : { signUpForceRedirectUrl: props.signUpForceRedirectUrl }),
        ...(props.afterSignOutUrl === undefined ? {} : { afterSignOutUrl: props.afterSignOutUrl }),
      },
    }),
    [
      core,
      props.initialState,
      props.appearance,
      localization,
      signInUrl,
      signUpUrl,
      props.signInFallbackRedirectUrl,
      props.signUpFallbackRedirectUrl,
      props.signInForceRedirectUrl,
      props.signUpForceRedirectUrl,
      props.afterSignOutUrl,
    ],
  );

  return <ClerkContext.Provider value={value}>{props.children}</ClerkContext.Provider>;
}
