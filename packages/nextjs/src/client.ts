"use client";

// The client entry, `@latchkey/nextjs/client`: provider, hooks and components (Clerk's names).
export { type ClerkAPIError, ClerkAPIResponseError } from "@latchkey/backend";
export { ClerkProvider, type ClerkProviderProps } from "./client/clerk-provider.js";
export {
  AuthenticateWithRedirectCallback,
  type AuthenticateWithRedirectCallbackProps,
} from "./client/components/authenticate-with-redirect-callback.js";
export { latchkeyDefaultStyles } from "./client/components/internal/default-styles.js";
export {
  OrganizationSwitcher,
  type OrganizationSwitcherProps,
} from "./client/components/organization-switcher.js";
export { RedirectToSignIn } from "./client/components/redirect-to-sign-in.js";
export { SignIn, type SignInProps } from "./client/components/sign-in.js";
export { SignUp, type SignUpProps } from "./client/components/sign-up.js";
export { SignedIn } from "./client/components/signed-in.js";
export { SignedOut } from "./client/components/signed-out.js";
export { UserButton, type UserButtonProps } from "./client/components/user-button.js";
export {
  type CheckAuthorizationParams,
  type SignOut,
  type UseAuthReturn,
  useAuth,
} from "./client/hooks/use-auth.js";
export { type Clerk, type RedirectOptions, useClerk } from "./client/hooks/use-clerk.js";
export { type UseOrganizationReturn, useOrganization } from "./client/hooks/use-organization.js";
export {
  type PaginatedList,
  type UseOrganizationListParams,
  type UseOrganizationListReturn,
  useOrganizationList,
} from "./client/hooks/use-organization-list.js";
export { type UseSessionReturn, useSession } from "./client/hooks/use-session.js";
export { type UseSignInReturn, useSignIn } from "./client/hooks/use-sign-in.js";
export { type UseSignUpReturn, useSignUp } from "./client/hooks/use-sign-up.js";
export { type UseUserReturn, useUser } from "./client/hooks/use-user.js";
export type {
  Appearance,
  AppearanceElement,
  AppearanceVariables,
} from "./client/internal/appearance.js";
export type { InitialAuthState } from "./client/internal/auth-state.js";
export type {
  CreateOrganizationParams,
  SetActiveParams,
  SignOutOptions,
} from "./client/internal/clerk-action-params.js";
export type { ClientResource } from "./client/internal/clerk-state.js";
export type {
  Localization,
  LocalizationResource,
} from "./client/internal/localization/localization.js";
export type { HandleOAuthCallbackParams } from "./client/internal/redirect-callback/handle-oauth-callback-params.js";
export type {
  AuthenticateWithRedirectParams,
  OAuthStrategy,
} from "./client/internal/resources/authenticate-with-redirect.js";
export type { ExternalAccountResource } from "./client/internal/resources/external-account-resource.js";
export type {
  OrganizationMembershipResource,
  OrganizationResource,
} from "./client/internal/resources/organization-resource.js";
export type { GetTokenOptions } from "./client/internal/resources/resource-host.js";
export type {
  PublicUserData,
  SessionResource,
} from "./client/internal/resources/session-resource.js";
export type {
  AttemptFirstFactorParams,
  AttemptSecondFactorParams,
  PrepareFirstFactorParams,
  SignInCreateParams,
  SignInFactor,
  SignInResource,
  SignInStatus,
} from "./client/internal/resources/sign-in-resource.js";
export type {
  SignUpAuthenticateWithRedirectParams,
  SignUpParams,
  SignUpResource,
  SignUpStatus,
} from "./client/internal/resources/sign-up-resource.js";
export type {
  EmailAddressResource,
  UpdateUserParams,
  UserResource,
} from "./client/internal/resources/user-resource.js";
export type { Verification } from "./client/internal/resources/verification.js";
export { isClerkAPIResponseError } from "./client/is-clerk-api-response-error.js";
export {
  LatchkeyClientError,
  type LatchkeyClientErrorCode,
} from "./client/latchkey-client-error.js";
