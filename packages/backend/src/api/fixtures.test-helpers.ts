/**
 * Backend API objects shaped like clerk-bapi.yml's schemas (snake_case, epoch ms), for fake
 * servers. Every fixture passes the spec's required-field check in the contract tests.
 */
const T0 = 1_767_225_600_000;

type Json = Record<string, unknown>;

export function emailAddressJson(overrides: Json = {}): Json {
  return {
    id: "idn_email1",
    object: "email_address",
    email_address: "ada@example.com",
    reserved: false,
    verification: {
      object: "verification_otp",
      status: "verified",
      strategy: "email_code",
      attempts: 1,
      expire_at: T0 + 600_000,
    },
    linked_to: [],
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
}

export function phoneNumberJson(overrides: Json = {}): Json {
  return {
    id: "idn_phone1",
    object: "phone_number",
    phone_number: "+15555550100",
    reserved_for_second_factor: false,
    default_second_factor: false,
    reserved: false,
    verification: null,
    linked_to: [],
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
}

export function userJson(overrides: Json = {}): Json {
  return {
    id: "user_1",
    object: "user",
    external_id: null,
    primary_email_address_id: "idn_email1",
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    username: "ada",
    first_name: "Ada",
    last_name: "Lovelace",
    image_url: "https://img.clerk.com/x",
    has_image: false,
    public_metadata: { role: "admin", nested_key: { inner_key: 1 } },
    private_metadata: { stripe_customer_id: "cus_1" },
    unsafe_metadata: { ui_theme: "dark" },
    email_addresses: [emailAddressJson()],
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    password_enabled: true,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: T0,
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: 100,
    updated_at: T0,
    created_at: T0,
    delete_self_enabled: true,
    create_organization_enabled: true,
    last_active_at: T0,
    legal_accepted_at: null,
    ...overrides,
  };
}

export function sessionJson(overrides: Json = {}): Json {
  return {
    object: "session",
    id: "sess_1",
    user_id: "user_1",
    client_id: "client_1",
    status: "active",
    last_active_at: T0,
    expire_at: T0 + 604_800_000,
    abandon_at: T0 + 2_592_000_000,
    updated_at: T0,
    created_at: T0,
    ...overrides,
  };
}

export function jwtTemplateJson(overrides: Json = {}): Json {
  return {
    object: "jwt_template",
    id: "jtmp_1",
    name: "supabase",
    claims: { aud: "authenticated", user_email: "{{user.primary_email_address}}" },
    lifetime: 60,
    allowed_clock_skew: 5,
    custom_signing_key: false,
    signing_algorithm: "RS256",
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
}

export function organizationJson(overrides: Json = {}): Json {
  return {
    object: "organization",
    id: "org_1",
    name: "Acme",
    slug: "acme",
    has_image: false,
    max_allowed_memberships: 5,
    admin_delete_enabled: true,
    public_metadata: { billing_tier: "gold" },
    private_metadata: {},
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
}

export function membershipJson(overrides: Json = {}): Json {
  return {
    id: "orgmem_1",
    object: "organization_membership",
    role: "org:admin",
    permissions: ["org:sys_memberships:manage"],
    public_metadata: { team_name: "core" },
    private_metadata: {},
    organization: organizationJson(),
    public_user_data: {
      user_id: "user_1",
      first_name: "Ada",
      last_name: "Lovelace",
      profile_image_url: null,
      image_url: "https://img.clerk.com/x",
      has_image: false,
      identifier: "ada@example.com",
    },
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
}

export function orgInvitationJson(overrides: Json = {}): Json {
  return {
    object: "organization_invitation",
    id: "orginv_1",
    email_address: "grace@example.com",
    role: "org:member",
    role_name: "Member",
    organization_id: "org_1",
    inviter_id: "user_1",
    public_inviter_data: {
      user_id: "user_1",
      first_name: "Ada",
      last_name: "Lovelace",
      image_url: "https://img.clerk.com/x",
      has_image: false,
      identifier: "ada@example.com",
    },
    status: "pending",
    public_metadata: {},
    private_metadata: {},
    url: null,
    expires_at: T0 + 2_592_000_000,
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
}

export function invitationJson(overrides: Json = {}): Json {
  return {
    object: "invitation",
    id: "inv_1",
    email_address: "grace@example.com",
    public_metadata: { invited_by: "ada" },
    status: "pending",
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
}

export function clientJson(overrides: Json = {}): Json {
  return {
    object: "client",
    id: "client_1",
    session_ids: ["sess_1"],
    sessions: [sessionJson()],
    sign_in_id: null,
    sign_up_id: null,
    last_active_session_id: "sess_1",
    last_authentication_strategy: null,
    updated_at: T0,
    created_at: T0,
    ...overrides,
  };
}

export function deletedJson(object: string, id: string): Json {
  return { object, id, deleted: true };
}

export function page(data: Json[], totalCount = data.length): Json {
  return { data, total_count: totalCount };
}
