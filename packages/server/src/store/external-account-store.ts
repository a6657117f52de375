/**
 * The social sign-in part of the {@link Store}: users' accounts at OAuth / OpenID Connect
 * providers, and the redirects to providers in flight. Tokens and PKCE verifiers arrive here
 * already encrypted; states only as digests.
 */
import type { Metadata } from "./store.js";

/** What the provider told of an account, and its tokens (encrypted), as kept before a user has it. */
export interface ProviderAccount {
  strategy: string;
  providerUserId: string;
  emailAddress: string | null;
  emailAddressVerified: boolean;
  firstName: string | null;
  lastName: string | null;
  imageUrl: string | null;
  username: string | null;
  approvedScopes: string;
  accessTokenCiphertext: string | null;
  refreshTokenCiphertext: string | null;
  accessTokenExpiresAt: number | null;
}

/** A user's account at a provider: what the provider told of it, linked. */
export interface ExternalAccountRecord extends Omit<ProviderAccount, "emailAddressVerified"> {
  id: string;
  userId: string;
  identificationId: string;
  /** What the provider said of the address when linked; null when it gave none. */
  emailAddressVerified: boolean | null;
  publicMetadata: Metadata;
  createdAt: number;
  updatedAt: number;
}

/** Fresh tokens for an account (a refresh, or a new sign-in through it). */
export interface ExternalAccountTokens {
  accessTokenCiphertext: string | null;
  refreshTokenCiphertext: string | null;
  accessTokenExpiresAt: number | null;
  approvedScopes: string;
}

/** A redirect to a provider, started by a sign-in or a sign-up of one client. */
export interface OAuthRedirectRecord {
  id: string;
  clientId: string;
  signInId: string | null;
  signUpId: string | null;
  strategy: string;
  nonce: string;
  codeVerifierCiphertext: string;
  /** The `redirect_uri` given to the provider (the instance's `/v1/oauth_callback`). */
  callbackUrl: string;
  /** Where the browser goes back to in the app. */
  redirectUrl: string;
  actionCompleteRedirectUrl: string | null;
  expireAt: number;
  consumedAt: number | null;
  /** Set by a callback that handed over to a sign-up or sign-in (`transferable`). */
  account: ProviderAccount | null;
  createdAt: number;
}

export type NewOAuthRedirect = Omit<
  OAuthRedirectRecord,
  "id" | "consumedAt" | "account" | "createdAt"
> & {
  /** SHA-256 digest (hex) of the `state` sent to the provider. */
  stateHash: string;
};

export interface ExternalAccountStore {
  saveOAuthRedirect(input: NewOAuthRedirect): Promise<OAuthRedirectRecord>;
  /**
   * Takes a redirect by its state's digest, in one statement: the first caller gets it (marked
   * consumed), every later one null; null too past `expireAt`.
   */
  consumeOAuthRedirect(stateHash: string, now: number): Promise<OAuthRedirectRecord | null>;
  /** Keeps what the provider said for the sign-up or sign-in the redirect hands over to. */
  setOAuthRedirectAccount(id: string, account: ProviderAccount): Promise<void>;
  /** The newest consumed redirect of the client for that sign-in (or sign-up) holding an account. */
  findTransferableOAuthRedirect(
    clientId: string,
    attempt: { signInId: string } | { signUpId: string },
  ): Promise<OAuthRedirectRecord | null>;
  /** Hands a redirect's account over to the sign-up or sign-in it transfers to. */
  handOverOAuthRedirect(id: string, to: { signInId: string } | { signUpId: string }): Promise<void>;
  getExternalAccount(id: string): Promise<ExternalAccountRecord | null>;
  findExternalAccount(
    strategy: string,
    providerUserId: string,
  ): Promise<ExternalAccountRecord | null>;
  /** The user's accounts, oldest first. */
  listExternalAccounts(userId: string): Promise<ExternalAccountRecord[]>;
  updateExternalAccountTokens(id: string, tokens: ExternalAccountTokens): Promise<void>;
  /**
   * Links a provider account to a user (with an identification id of its own). Run it in the
   * flow's transaction, under the user's lock.
   *
   * @throws `external_account_exists` when that provider account is already linked
   */
  insertExternalAccount(userId: string, account: ProviderAccount): Promise<ExternalAccountRecord>;
  /** Unlinks an account; null when it was not there. */
  deleteExternalAccount(id: string): Promise<ExternalAccountRecord | null>;
}
