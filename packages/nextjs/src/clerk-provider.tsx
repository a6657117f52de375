import type { ReactNode } from "react";
import { auth } from "./auth.js";
import type { ClerkProviderProps as ClientClerkProviderProps } from "./client/clerk-provider.js";
import type { InitialAuthState } from "./client/internal/auth-state.js";
import { readEnv, readEnvVar } from "./internal/config/read-env.js";

/**
 * Props of the server `<ClerkProvider>`: the client provider's, minus what cannot cross from a
 * server component (functions) and what it computes itself (`initialState`).
 */
export type ClerkProviderProps = Omit<
  ClientClerkProviderProps,
  "initialState" | "fetch" | "routerPush" | "routerReplace" | "routerRefresh"
> & {
  /** Accepted for Clerk compatibility: the auth state is always read (the page is dynamic). */
  dynamic?: boolean;
};

/** The plain (serialisable) part of the request's auth, for the client provider. */
async function initialAuthState(): Promise<InitialAuthState> {
  const state = await auth();
  return {
    userId: state.userId,
    sessionId: state.sessionId,
    orgId: state.orgId ?? null,
    orgRole: state.orgRole ?? null,
    orgSlug: state.orgSlug ?? null,
    orgPermissions: state.orgPermissions ?? null,
    sessionClaims: state.sessionClaims,
    actor: state.actor ?? null,
    factorVerificationAge: state.factorVerificationAge ?? null,
  };
}

/**
 * Clerk's `<ClerkProvider>` for the app router (a server component): reads `auth()` for the
 * request and renders the client provider with that state, so client components know who is
 * signed in on their first render; the browser then loads its client from the Frontend API.
 * Page URLs default to the `NEXT_PUBLIC_CLERK_*` variables.
 *
 * @throws {LatchkeyNextjsError} `config-missing` / `config-invalid` (from `auth()`) naming the
 *   variable to set.
 * @example
 * ```tsx
 * // app/layout.tsx
 * import { ClerkProvider } from "@latchkey/nextjs";
 * export default function RootLayout({ children }: { children: React.ReactNode }) {
 *   return (
 *     <ClerkProvider>
 *       <html lang="en"><body>{children}</body></html>
 *     </ClerkProvider>
 *   );
 * }
 * ```
 */
export async function ClerkProvider(props: ClerkProviderProps): Promise<ReactNode> {
  const { dynamic: _dynamic, children, ...rest } = props;
  const env = readEnv();
  const fromEnv = (value: string | undefined, name: string) => value ?? readEnvVar(name);
  const signInFallbackRedirectUrl = fromEnv(
    rest.signInFallbackRedirectUrl,
    "NEXT_PUBLIC_CLERK_SIGN_IN_FALLBACK_REDIRECT_URL",
  );
  const signUpFallbackRedirectUrl = fromEnv(
    rest.signUpFallbackRedirectUrl,
    "NEXT_PUBLIC_CLERK_SIGN_UP_FALLBACK_REDIRECT_URL",
  );
  const signInForceRedirectUrl = fromEnv(
    rest.signInForceRedirectUrl,
    "NEXT_PUBLIC_CLERK_SIGN_IN_FORCE_REDIRECT_URL",
  );
  const signUpForceRedirectUrl = fromEnv(
    rest.signUpForceRedirectUrl,
    "NEXT_PUBLIC_CLERK_SIGN_UP_FORCE_REDIRECT_URL",
  );
  const afterSignOutUrl = fromEnv(rest.afterSignOutUrl, "NEXT_PUBLIC_CLERK_AFTER_SIGN_OUT_URL");
  // Loaded on render only: the main entry is also what `@latchkey/nextjs/server` re-exports, and
  // the middleware layer (React's server build, no `createContext`) must never evaluate the
  // client graph.
  const { ClerkProvider: ClientClerkProvider } = await import("./client/clerk-provider.js");
  return (
    <ClientClerkProvider
      {...rest}
      initialState={await initialAuthState()}
      signInUrl={rest.signInUrl ?? env.NEXT_PUBLIC_CLERK_SIGN_IN_URL ?? "/sign-in"}
      signUpUrl={rest.signUpUrl ?? env.NEXT_PUBLIC_CLERK_SIGN_UP_URL ?? "/sign-up"}
      {...(signInFallbackRedirectUrl === undefined ? {} : { signInFallbackRedirectUrl })}
      {...(signUpFallbackRedirectUrl === undefined ? {} : { signUpFallbackRedirectUrl })}
      {...(signInForceRedirectUrl === undefined ? {} : { signInForceRedirectUrl })}
      {...(signUpForceRedirectUrl === undefined ? {} : { signUpForceRedirectUrl })}
      {...(afterSignOutUrl === undefined ? {} : { afterSignOutUrl })}
    >
      {children}
    </ClientClerkProvider>
  );
}
