import {
  CLIENT_UAT_COOKIE,
  LONG_COOKIE_MAX_AGE_SECONDS,
  SESSION_COOKIE,
  serializeCookie,
} from "./frontend-cookies.js";

/** The development-browser cookie Clerk's server SDK requires with a `pk_test_` key. */
export const DEV_BROWSER_COOKIE = "__clerk_db_jwt";

/** What the app's cookies are to say after a handshake. */
export interface HandshakeState {
  /** The session token to set, or null to sign the browser out (`__session` cleared, uat 0). */
  sessionToken: string | null;
  /** `__client_uat`: when the client last changed, epoch seconds (0 when signed out). */
  clientUat: number;
  /** A development instance's dev-browser token (`__clerk_db_jwt`); null in production. */
  devBrowser: string | null;
  /** The app's scheme was https: the cookies are `Secure`. */
  secure: boolean;
  /** Also write the suffixed names (`__session_<suffix>`) the SDK asked for. */
  suffix: string | null;
}

/**
 * The `Set-Cookie` values a handshake hands to the app's server, which sets them on the app's own
 * host: `__session` (readable by clerk-js, as Clerk's SDKs write it), `__client_uat` and, in
 * development, `__clerk_db_jwt`; each also under its suffixed name when `suffix` is given.
 *
 * @example
 * handshakeDirectives({ sessionToken: jwt, clientUat: 1700000000, devBrowser: null, secure: true, suffix: null });
 */
export function handshakeDirectives(state: HandshakeState): string[] {
  const names = (name: string) =>
    state.suffix === null ? [name] : [name, `${name}_${state.suffix}`];
  const cookie = (name: string, value: string, maxAge?: number) =>
    names(name).map((n) =>
      serializeCookie(n, value, {
        secure: state.secure,
        ...(maxAge === undefined ? {} : { maxAge }),
      }),
    );
  return [
    ...(state.sessionToken === null
      ? cookie(SESSION_COOKIE, "", 0)
      : cookie(SESSION_COOKIE, state.sessionToken)),
    ...cookie(CLIENT_UAT_COOKIE, String(state.clientUat), LONG_COOKIE_MAX_AGE_SECONDS),
    ...(state.devBrowser === null
      ? []
      : cookie(DEV_BROWSER_COOKIE, state.devBrowser, LONG_COOKIE_MAX_AGE_SECONDS)),
  ];
}
