import {
  type AuthenticateWithRedirectParams,
  leaveForProvider,
  redirectFlowStart,
} from "./authenticate-with-redirect.js";
import type { SignUpJson } from "./fapi-json.js";
import { type ResourceHost, snakeParams, toDate } from "./resource-host.js";
import { type Verification, verification } from "./verification.js";

/** `signUp.create()` / `signUp.update()` parameters. */
export interface SignUpParams {
  emailAddress?: string;
  password?: string;
  username?: string;
  firstName?: string;
  lastName?: string;
  unsafeMetadata?: Record<string, unknown>;
  legalAccepted?: boolean;
  /** `email_code` sends the verification code at once; `oauth_<provider>` starts a redirect. */
  strategy?: string;
  redirectUrl?: string;
  /** OAuth: where the person lands once signed up. */
  actionCompleteRedirectUrl?: string;
  /** Continues, as a sign-up, the provider account a sign-in did not know. */
  transfer?: boolean;
}

/** `signUp.authenticateWithRedirect()` parameters: the sign-in's, and the new user's metadata. */
export interface SignUpAuthenticateWithRedirectParams extends AuthenticateWithRedirectParams {
  unsafeMetadata?: Record<string, unknown>;
}

/** Status of a sign-up. */
export type SignUpStatus = "missing_requirements" | "complete" | "abandoned" | null;

/** A sign-up attempt (Clerk's `SignUpResource`); each step returns the updated resource. */
export interface SignUpResource {
  id: string | undefined;
  status: SignUpStatus;
  emailAddress: string | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  passwordEnabled: boolean;
  requiredFields: string[];
  optionalFields: string[];
  missingFields: string[];
  unverifiedFields: string[];
  verifications: {
    emailAddress: (Verification & { nextAction: string }) | null;
    /** The social provider's verification of a sign-up started with `oauth_<provider>`. */
    externalAccount: Verification | null;
  };
  unsafeMetadata: Record<string, unknown>;
  createdSessionId: string | null;
  createdUserId: string | null;
  abandonAt: Date | null;
  create(params: SignUpParams): Promise<SignUpResource>;
  update(params: SignUpParams): Promise<SignUpResource>;
  /** Emails a verification code (`strategy: "email_code"`). */
  prepareEmailAddressVerification(params?: { strategy?: "email_code" }): Promise<SignUpResource>;
  /** Checks the emailed code; completes the sign-up when nothing else is missing. */
  attemptEmailAddressVerification(params: { code: string }): Promise<SignUpResource>;
  prepareVerification(params: { strategy: string }): Promise<SignUpResource>;
  attemptVerification(params: { strategy: string; code: string }): Promise<SignUpResource>;
  /**
   * Starts a sign-up at a social provider (`strategy: "oauth_<provider>"`) and sends the window
   * to the provider's page; the provider sends it back to `redirectUrl`.
   */
  authenticateWithRedirect(params: SignUpAuthenticateWithRedirectParams): Promise<void>;
  reload(): Promise<SignUpResource>;
}

/**
 * Builds a {@link SignUpResource}; `json` null gives the empty sign-up whose `create()` starts one.
 *
 * @throws (from its methods) `ClerkAPIResponseError`: `form_identifier_exists` (param
 *   `email_address`), `form_password_pwned`, `form_password_length_too_short`,
 *   `form_code_incorrect` (param `code`), `verification_expired`, `session_exists`,
 *   `oauth_strategy_not_enabled`, `redirect_url_invalid`…; `LatchkeyClientError`
 *   `external-redirect-missing`.
 * @example
 * let signUp = await signUpResource(host, null).create({ emailAddress, password });
 * signUp = await signUp.prepareEmailAddressVerification();
 */
export function signUpResource(host: ResourceHost, json: SignUpJson | null): SignUpResource {
  const base = json === null ? null : `/v1/client/sign_ups/${encodeURIComponent(json.id)}`;
  const next = async (
    method: "POST" | "PATCH",
    suffix: string,
    params: object,
  ): Promise<SignUpResource> => {
    if (base === null) throw new TypeError("Call signUp.create() before continuing a sign-up.");
    return signUpResource(
      host,
      await host.call<SignUpJson>(method, `${base}${suffix}`, snakeParams(params)),
    );
  };
  const email = verification(json?.verifications?.email_address);
  const create = async (params: SignUpParams) =>
    signUpResource(
      host,
      await host.call<SignUpJson>("POST", "/v1/client/sign_ups", snakeParams(params)),
    );
  return {
    id: json?.id,
    status: (json?.status as SignUpStatus | undefined) ?? null,
    emailAddress: json?.email_address ?? null,
    username: json?.username ?? null,
    firstName: json?.first_name ?? null,
    lastName: json?.last_name ?? null,
    passwordEnabled: json?.password_enabled ?? false,
    requiredFields: json?.required_fields ?? [],
    optionalFields: json?.optional_fields ?? [],
    missingFields: json?.missing_fields ?? [],
    unverifiedFields: json?.unverified_fields ?? [],
    verifications: {
      emailAddress:
        email === null
          ? null
          : { ...email, nextAction: json?.verifications.email_address?.next_action ?? "" },
      externalAccount: verification(json?.verifications?.external_account),
    },
    unsafeMetadata: json?.unsafe_metadata ?? {},
    createdSessionId: json?.created_session_id ?? null,
    createdUserId: json?.created_user_id ?? null,
    abandonAt: toDate(json?.abandon_at),
    create,
    update: (params) => next("PATCH", "", params),
    prepareEmailAddressVerification: (params) =>
      next("POST", "/prepare_verification", { strategy: params?.strategy ?? "email_code" }),
    attemptEmailAddressVerification: (params) =>
      next("POST", "/attempt_verification", { strategy: "email_code", code: params.code }),
    prepareVerification: (params) => next("POST", "/prepare_verification", params),
    attemptVerification: (params) => next("POST", "/attempt_verification", params),
    async authenticateWithRedirect(params) {
      const { unsafeMetadata, ...redirect } = params;
      const started = await create({ ...redirectFlowStart(redirect), unsafeMetadata });
      leaveForProvider(host, started.verifications.externalAccount);
    },
    async reload() {
      if (base === null) return signUpResource(host, null);
      return signUpResource(host, await host.call<SignUpJson>("GET", base));
    },
  };
}
