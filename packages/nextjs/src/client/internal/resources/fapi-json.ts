/**
 * The Frontend API's JSON as this package reads it (snake_case, as on the wire). Only the fields
 * the resources use are listed; the instance may send more.
 */

/** An error recorded on a verification (a provider's refusal), as on the wire. */
export interface VerificationErrorJson {
  code: string;
  message: string;
  long_message: string;
  meta?: Record<string, unknown>;
}

/**
 * `{ object, status, strategy, attempts, expire_at }` of a sign-in or sign-up step; OAuth ones
 * add where to send the browser and the provider's refusal.
 */
export interface VerificationJson {
  status: string;
  strategy: string;
  attempts: number | null;
  expire_at: number | null;
  next_action?: string;
  external_verification_redirect_url?: string | null;
  error?: VerificationErrorJson | null;
}

/** An email address of a user. */
export interface EmailAddressJson {
  id: string;
  email_address: string;
  verification: { status: string; strategy: string } | null;
}

/** An organization, as memberships embed it. */
export interface OrganizationJson {
  object: "organization";
  id: string;
  name: string;
  slug: string | null;
  image_url?: string;
  has_image?: boolean;
  members_count?: number;
  public_metadata?: Record<string, unknown>;
  created_at?: number;
  updated_at?: number;
}

/** The name and picture of a member or session owner. */
export interface PublicUserDataJson {
  first_name: string | null;
  last_name: string | null;
  image_url: string;
  has_image: boolean;
  identifier: string;
  user_id?: string;
}

/** A membership of the signed-in user. */
export interface OrganizationMembershipJson {
  object: "organization_membership";
  id: string;
  role: string;
  role_name?: string;
  permissions: string[] | null;
  organization: OrganizationJson;
  public_user_data?: PublicUserDataJson | null;
  public_metadata?: Record<string, unknown>;
  created_at?: number;
  updated_at?: number;
}

/** The user's account at a social provider. */
export interface ExternalAccountJson {
  object: "external_account";
  id: string;
  /** The strategy, e.g. `oauth_google`. */
  provider: string;
  provider_user_id: string;
  email_address: string;
  first_name: string | null;
  last_name: string | null;
  image_url: string | null;
  username?: string | null;
  verification: VerificationJson | null;
}

/** The signed-in user. */
export interface UserJson {
  object: "user";
  id: string;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  image_url: string;
  has_image: boolean;
  primary_email_address_id: string | null;
  email_addresses: EmailAddressJson[];
  password_enabled: boolean;
  two_factor_enabled: boolean;
  public_metadata: Record<string, unknown>;
  unsafe_metadata: Record<string, unknown>;
  organization_memberships?: OrganizationMembershipJson[];
  external_accounts?: ExternalAccountJson[];
  created_at: number;
  updated_at: number;
}

/** A session of the client, its user embedded. */
export interface SessionJson {
  object: "session";
  id: string;
  status: string;
  expire_at: number;
  abandon_at: number;
  last_active_at: number;
  last_active_organization_id: string | null;
  last_active_token: { object: "token"; jwt: string } | null;
  user: UserJson | null;
  public_user_data: PublicUserDataJson;
  factor_verification_age: [number, number] | null;
  created_at: number;
  updated_at: number;
}

/** A factor a sign-in can use. */
export interface SignInFactorJson {
  strategy: string;
  safe_identifier?: string;
  email_address_id?: string;
  primary?: boolean;
}

/** A sign-in attempt. */
export interface SignInJson {
  object: "sign_in_attempt";
  id: string;
  status: string;
  identifier: string | null;
  supported_identifiers: string[];
  supported_first_factors: SignInFactorJson[] | null;
  supported_second_factors: SignInFactorJson[] | null;
  first_factor_verification: VerificationJson | null;
  second_factor_verification: VerificationJson | null;
  user_data: {
    first_name: string | null;
    last_name: string | null;
    image_url: string;
    has_image: boolean;
  } | null;
  created_session_id: string | null;
  abandon_at: number;
}

/** A sign-up attempt. */
export interface SignUpJson {
  object: "sign_up_attempt";
  id: string;
  status: string;
  required_fields: string[];
  optional_fields: string[];
  missing_fields: string[];
  unverified_fields: string[];
  verifications: {
    email_address: VerificationJson | null;
    external_account?: VerificationJson | null;
  };
  username: string | null;
  email_address: string | null;
  password_enabled: boolean;
  first_name: string | null;
  last_name: string | null;
  unsafe_metadata: Record<string, unknown>;
  created_session_id: string | null;
  created_user_id: string | null;
  abandon_at: number;
}

/** The browser's client: its sessions and its sign-in and sign-up in progress. */
export interface ClientJson {
  object: "client";
  id: string;
  sessions: SessionJson[];
  sign_in: SignInJson | null;
  sign_up: SignUpJson | null;
  last_active_session_id: string | null;
  created_at: number;
  updated_at: number;
}

/** `GET /v1/environment`, the parts the components read. */
export interface EnvironmentJson {
  auth_config?: { single_session_mode?: boolean; first_factors?: string[] };
  display_config?: {
    application_name?: string;
    sign_in_url?: string;
    sign_up_url?: string;
    after_sign_in_url?: string;
    after_sign_up_url?: string;
    after_sign_out_one_url?: string;
    after_sign_out_all_url?: string;
    instance_environment_type?: string;
  };
  organization_settings?: { enabled?: boolean };
  user_settings?: {
    password_settings?: { min_length?: number; max_length?: number };
    /** Social connections by strategy, in the order to show their buttons. */
    social?: Record<string, SocialConnectionJson>;
  };
}

/** A social connection of the environment (`user_settings.social[strategy]`). */
export interface SocialConnectionJson {
  enabled: boolean;
  /** `oauth_<provider>`. */
  strategy: string;
  /** The provider's name as people know it ("Google"). */
  name: string;
  logo_url: string | null;
  authenticatable?: boolean;
}
