import { useMemo, useRef } from "react";
import type {
  CreateOrganizationParams,
  SetActiveParams,
  SignOutOptions,
} from "../internal/clerk-action-params.js";
import { type RedirectSettings, useClerkContext } from "../internal/clerk-context.js";
import type { ClerkState, ClientResource } from "../internal/clerk-state.js";
import type { LatchkeyClerk } from "../internal/latchkey-clerk.js";
import { currentHref, safeRedirectUrl } from "../internal/navigation.js";
import type { HandleOAuthCallbackParams } from "../internal/redirect-callback/handle-oauth-callback-params.js";
import { handleRedirectCallback } from "../internal/redirect-callback/handle-redirect-callback.js";
import { redirectCallbackTargets } from "../internal/redirect-callback/redirect-callback-targets.js";
import type { OrganizationResource } from "../internal/resources/organization-resource.js";
import type { SessionResource } from "../internal/resources/session-resource.js";
import type { UserResource } from "../internal/resources/user-resource.js";

/** Options of the redirect helpers. */
export interface RedirectOptions {
  /** Where to come back after signing in/up (default: the current page). */
  redirectUrl?: string;
  signInForceRedirectUrl?: string;
  signUpForceRedirectUrl?: string;
}

/** Clerk's `Clerk` object as `useClerk()` gives it: current resources and actions. */
export interface Clerk {
  readonly loaded: boolean;
  readonly client: ClientResource | null;
  readonly session: SessionResource | null;
  readonly user: UserResource | null;
  readonly organization: OrganizationResource | null;
  signOut(options?: SignOutOptions): Promise<void>;
  setActive(params: SetActiveParams): Promise<void>;
  createOrganization(params: CreateOrganizationParams): Promise<OrganizationResource>;
  /** Navigates to the sign-in page with `redirect_url` (default: back here). */
  redirectToSignIn(options?: RedirectOptions): Promise<void>;
  /** Navigates to the sign-up page with `redirect_url` (default: back here). */
  redirectToSignUp(options?: RedirectOptions): Promise<void>;
  /** Clerk opens a modal; Latchkey navigates to the sign-in page. */
  openSignIn(options?: RedirectOptions): Promise<void>;
  /** Clerk opens a modal; Latchkey navigates to the sign-up page. */
  openSignUp(options?: RedirectOptions): Promise<void>;
  buildSignInUrl(options?: { redirectUrl?: string }): string;
  buildSignUpUrl(options?: { redirectUrl?: string }): string;
  /** Navigates within the app (Next's router when mounted). */
  navigate(to: string): Promise<void>;
  /**
   * Finishes a social sign-in or sign-up on the page the provider sent the browser back to:
   * activates the session and goes on, continues the flow at its next step, or throws the
   * provider's refusal (`<AuthenticateWithRedirectCallback/>` shows it).
   *
   * @throws `ClerkAPIResponseError` (`oauth_access_denied`, `oauth_email_unverified`…);
   *   `LatchkeyClientError` `redirect-callback-incomplete`.
   */
  handleRedirectCallback(
    params?: HandleOAuthCallbackParams,
    customNavigate?: (to: string) => Promise<unknown> | unknown,
  ): Promise<void>;
  /** Calls `listener` with the resources now and on every change; returns the unsubscribe. */
  addListener(
    listener: (resources: Pick<ClerkState, "client" | "session" | "user" | "organization">) => void,
  ): () => void;
}

function redirectTarget(options: RedirectOptions | undefined, force: string | undefined) {
  return force ?? options?.redirectUrl ?? currentHref();
}

function clerkFacade(core: LatchkeyClerk, redirects: () => RedirectSettings): Clerk {
  const go = async (url: string) => {
    await core.options.navigation.push(url);
  };
  return {
    get loaded() {
      return core.getState().loaded;
    },
    get client() {
      return core.getState().client;
    },
    get session() {
      return core.getState().session;
    },
    get user() {
      return core.getState().user;
    },
    get organization() {
      return core.getState().organization;
    },
    signOut: (options) => core.signOut(options),
    setActive: (params) => core.setActive(params),
    createOrganization: (params) => core.createOrganization(params),
    redirectToSignIn: (options) =>
      go(core.buildSignInUrl(withTarget(redirectTarget(options, options?.signInForceRedirectUrl)))),
    redirectToSignUp: (options) =>
      go(core.buildSignUpUrl(withTarget(redirectTarget(options, options?.signUpForceRedirectUrl)))),
    openSignIn: (options) =>
      go(core.buildSignInUrl(withTarget(redirectTarget(options, options?.signInForceRedirectUrl)))),
    openSignUp: (options) =>
      go(core.buildSignUpUrl(withTarget(redirectTarget(options, options?.signUpForceRedirectUrl)))),
    buildSignInUrl: (options) => core.buildSignInUrl(options),
    buildSignUpUrl: (options) => core.buildSignUpUrl(options),
    navigate: (to) => go(safeRedirectUrl(to) ?? to),
    async handleRedirectCallback(params = {}, customNavigate) {
      await core.load().catch(() => undefined);
      await handleRedirectCallback(core, {
        targets: redirectCallbackTargets(params, redirects(), core.getEnvironment()),
        customNavigate,
        transferable: params.transferable,
        unsafeMetadata: params.unsafeMetadata,
      });
    },
    addListener(listener) {
      const emit = () => {
        const { client, session, user, organization } = core.getState();
        listener({ client, session, user, organization });
      };
      emit();
      return core.subscribe(emit);
    },
  };
}

function withTarget(redirectUrl: string | undefined): { redirectUrl?: string } {
  return redirectUrl === undefined ? {} : { redirectUrl };
}

/**
 * Clerk's `useClerk()`: the provider's object with the current client, session, user and
 * organization and the actions (`signOut`, `setActive`, `redirectToSignIn`…). Stable across
 * renders; read its getters when you need the latest values.
 *
 * @throws {LatchkeyClientError} `provider-missing` outside `<ClerkProvider>`.
 * @example
 * ```tsx
 * const clerk = useClerk();
 * <button onClick={() => clerk.signOut({ redirectUrl: "/" })}>Sign out</button>
 * ```
 */
export function useClerk(): Clerk {
  const { core, redirects } = useClerkContext("useClerk");
  // The facade stays the same object for the provider's life (its methods go into effects'
  // dependencies: a new one per render would re-run them); the redirects are read when used.
  const redirectsRef = useRef(redirects);
  redirectsRef.current = redirects;
  return useMemo(() => clerkFacade(core, () => redirectsRef.current), [core]);
}
