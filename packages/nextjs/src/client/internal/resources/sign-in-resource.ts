import {
  type AuthenticateWithRedirectParams,
  leaveForProvider,
  redirectFlowStart,
} from "./authenticate-with-redirect.js";
import type { SignInFactorJson, SignInJson } from "./fapi-json.js";
import { type ResourceHost, snakeParams, toDate } from "./resource-host.js";
import { type Verification, verification } from "./verification.js";

/** A factor the sign-in can continue with (`password`, `email_code`, `totp`…). */
export interface SignInFactor {
  strategy: string;
  safeIdentifier?: string;
  emailAddressId?: string;
  primary?: boolean;
}

/** `signIn.create()` parameters. */
export interface SignInCreateParams {
  identifier?: string;
  password?: string;
  /**
   * `password` (default with a password), `email_code` (sends a code at once) or
   * `oauth_<provider>` (see `authenticateWithRedirect`).
   */
  strategy?: string;
  redirectUrl?: string;
  /** OAuth: where the person lands once signed in. */
  actionCompleteRedirectUrl?: string;
  /** Continues, as a sign-in, the provider account a sign-up found to be known already. */
  transfer?: boolean;
}

/** `signIn.prepareFirstFactor()` parameters. */
export interface PrepareFirstFactorParams {
  strategy: string;
  emailAddressId?: string;
}

/** `signIn.attemptFirstFactor()` parameters. */
export interface AttemptFirstFactorParams {
  strategy: string;
  password?: string;
  code?: string;
}

/** `signIn.attemptSecondFactor()` parameters. */
export interface AttemptSecondFactorParams {
  strategy: string;
  code: string;
}

/** Status of a sign-in. */
export type SignInStatus =
  | "needs_identifier"
  | "needs_first_factor"
  | "needs_second_factor"
  | "needs_new_password"
  | "complete"
  | null;

/** A sign-in attempt (Clerk's `SignInResource`); each step returns the updated resource. */
export interface SignInResource {
  id: string | undefined;
  status: SignInStatus;
  identifier: string | null;
  supportedIdentifiers: string[];
  supportedFirstFactors: SignInFactor[] | null;
  supportedSecondFactors: SignInFactor[] | null;
  firstFactorVerification: Verification | null;
  secondFactorVerification: Verification | null;
  userData: { firstName: string | null; lastName: string | null; imageUrl: string } | null;
  createdSessionId: string | null;
  abandonAt: Date | null;
  create(params: SignInCreateParams): Promise<SignInResource>;
  prepareFirstFactor(params: PrepareFirstFactorParams): Promise<SignInResource>;
  attemptFirstFactor(params: AttemptFirstFactorParams): Promise<SignInResource>;
  prepareSecondFactor(params: { strategy: string }): Promise<SignInResource>;
  attemptSecondFactor(params: AttemptSecondFactorParams): Promise<SignInResource>;
  /**
   * Starts a sign-in at a social provider (`strategy: "oauth_<provider>"`) and sends the window
   * to the provider's page; the provider sends it back to `redirectUrl`.
   */
  authenticateWithRedirect(params: AuthenticateWithRedirectParams): Promise<void>;
  reload(): Promise<SignInResource>;
}

function factor(json: SignInFactorJson): SignInFactor {
  return {
    strategy: json.strategy,
    ...(json.safe_identifier === undefined ? {} : { safeIdentifier: json.safe_identifier }),
    ...(json.email_address_id === undefined ? {} : { emailAddressId: json.email_address_id }),
    ...(json.primary === undefined ? {} : { primary: json.primary }),
  };
}

/**
 * Builds a {@link SignInResource}; `json` null gives the empty sign-in whose `create()` starts one.
 *
 * @throws (from its methods) `ClerkAPIResponseError`: `form_identifier_not_found`,
 *   `form_password_incorrect` (param `password`), `form_code_incorrect`, `user_locked`,
 *   `session_exists`, `oauth_strategy_not_enabled`, `redirect_url_invalid`…; `TypeError` when a
 *   step is called before `create()`; `LatchkeyClientError` `external-redirect-missing`.
 * @example
 * const signIn = await signInResource(host, null).create({ identifier, password });
 * if (signIn.status === "complete") await setActive({ session: signIn.createdSessionId });
 */
export function signInResource(host: ResourceHost, json: SignInJson | null): SignInResource {
  const base = json === null ? null : `/v1/client/sign_ins/${encodeURIComponent(json.id)}`;
  const step = async (suffix: string, params: object): Promise<SignInResource> => {
    if (base === null) {
      throw new TypeError("Call signIn.create() before continuing a sign-in.");
    }
    return signInResource(
      host,
      await host.call<SignInJson>("POST", `${base}${suffix}`, snakeParams(params)),
    );
  };
  const create = async (params: SignInCreateParams) =>
    signInResource(
      host,
      await host.call<SignInJson>("POST", "/v1/client/sign_ins", snakeParams(params)),
    );
  return {
    id: json?.id,
    status: (json?.status as SignInStatus | undefined) ?? null,
    identifier: json?.identifier ?? null,
    supportedIdentifiers: json?.supported_identifiers ?? [],
    supportedFirstFactors: json?.supported_first_factors?.map(factor) ?? null,
    supportedSecondFactors: json?.supported_second_factors?.map(factor) ?? null,
    firstFactorVerification: verification(json?.first_factor_verification),
    secondFactorVerification: verification(json?.second_factor_verification),
    userData: json?.user_data
      ? {
          firstName: json.user_data.first_name,
          lastName: json.user_data.last_name,
          imageUrl: json.user_data.image_url,
        }
      : null,
    createdSessionId: json?.created_session_id ?? null,
    abandonAt: toDate(json?.abandon_at),
    create,
    prepareFirstFactor: (params) => step("/prepare_first_factor", params),
    attemptFirstFactor: (params) => step("/attempt_first_factor", params),
    prepareSecondFactor: (params) => step("/prepare_second_factor", params),
    attemptSecondFactor: (params) => step("/attempt_second_factor", params),
    async authenticateWithRedirect(params) {
      const started = await create(redirectFlowStart(params));
      leaveForProvider(host, started.firstFactorVerification);
    },
    async reload() {
      if (base === null) return signInResource(host, null);
      return signInResource(host, await host.call<SignInJson>("GET", base));
    },
  };
}
