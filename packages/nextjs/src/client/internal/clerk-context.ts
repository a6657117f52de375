import { createContext, useContext, useSyncExternalStore } from "react";
import { LatchkeyClientError } from "../latchkey-client-error.js";
import type { Appearance } from "./appearance.js";
import type { InitialAuthState } from "./auth-state.js";
import type { ClerkState } from "./clerk-state.js";
import type { LatchkeyClerk } from "./latchkey-clerk.js";
import type { Localization } from "./localization/localization.js";

/** Redirect settings of the provider (props, else the server wrapper's environment values). */
export interface RedirectSettings {
  signInUrl: string;
  signUpUrl: string;
  signInFallbackRedirectUrl?: string;
  signUpFallbackRedirectUrl?: string;
  signInForceRedirectUrl?: string;
  signUpForceRedirectUrl?: string;
  afterSignOutUrl?: string;
}

/** What `<ClerkProvider>` shares with the hooks and components. */
export interface ClerkContextValue {
  core: LatchkeyClerk;
  initialState: InitialAuthState | undefined;
  redirects: RedirectSettings;
  appearance: Appearance | undefined;
  /** The components' texts: English with the provider's `localization` laid over it. */
  localization: Localization;
}

/** The provider's context (null outside `<ClerkProvider>`). */
export const ClerkContext = createContext<ClerkContextValue | null>(null);

/**
 * The provider's context.
 *
 * @throws {LatchkeyClientError} `provider-missing` outside `<ClerkProvider>`.
 * @example
 * const { core } = useClerkContext("useAuth");
 */
export function useClerkContext(hookName: string): ClerkContextValue {
  const value = useContext(ClerkContext);
  if (value === null) {
    throw new LatchkeyClientError(
      "provider-missing",
      `${hookName} can only be used inside <ClerkProvider>. Wrap your root layout in <ClerkProvider>.`,
    );
  }
  return value;
}

/**
 * The provider's current state snapshot (re-renders on change). The server snapshot is the
 * not-yet-loaded state, so server and first client render agree.
 *
 * @throws {LatchkeyClientError} `provider-missing` outside `<ClerkProvider>`.
 * @example
 * const { session } = useClerkState("useSession");
 */
export function useClerkState(hookName: string): ClerkState {
  const { core } = useClerkContext(hookName);
  return useSyncExternalStore(core.subscribe, core.getState, core.getState);
}
