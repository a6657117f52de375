import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../passwords/check-password-rules.js";

/** Pages of the app the Frontend API tells the components about (`display_config`). */
export interface FrontendApiUrls {
  homeUrl: string;
  signInUrl: string;
  signUpUrl: string;
  afterSignInUrl: string;
  afterSignUpUrl: string;
  afterSignOutUrl: string;
}

/** What the environment describes: the instance's fixed sign-in/sign-up configuration. */
export interface FrontendEnvironmentContext {
  development: boolean;
  applicationName: string;
  urls: FrontendApiUrls;
  singleSessionMode: boolean;
  maxVerificationAttempts: number;
  /** Lockout duration in seconds; null = until unlocked. */
  lockoutSeconds: number | null;
  /** Enabled social connections, in button order. */
  socialConnections: ReadonlyArray<{ strategy: string; name: string }>;
}

interface AttributeOptions {
  enabled: boolean;
  required?: boolean;
  firstFactors?: string[];
  secondFactors?: string[];
  verifications?: string[];
}

function attribute(options: AttributeOptions) {
  const firstFactors = options.firstFactors ?? [];
  const secondFactors = options.secondFactors ?? [];
  const verifications = options.verifications ?? [];
  return {
    enabled: options.enabled,
    required: options.required ?? false,
    used_for_first_factor: firstFactors.length > 0,
    first_factors: firstFactors,
    used_for_second_factor: secondFactors.length > 0,
    second_factors: secondFactors,
    verifications,
    verify_at_sign_up: verifications.length > 0,
    immutable: false,
  };
}

/**
 * Serialises the instance's environment (`GET /v1/environment`): email address + password
 * sign-up (email verified by `email_code`), optional username and names, sign-in by password or
 * email code, TOTP and backup codes as second factors, organizations enabled, the app's
 * sign-in/sign-up URLs, the lockout policy and the social connections (`user_settings.social`, by
 * strategy, in button order).
 *
 * @example
 * frontendEnvironmentJson({ development: true, applicationName: "Acme", urls, … });
 */
export function frontendEnvironmentJson(context: FrontendEnvironmentContext) {
  const { urls } = context;
  return {
    auth_config: {
      object: "auth_config" as const,
      id: "aac_latchkey",
      first_name: "on",
      last_name: "on",
      email_address: "required",
      phone_number: "off",
      username: "on",
      password: "required",
      identification_requirements: [["email_address"]],
      identification_strategies: ["email_address", "username"],
      first_factors: ["email_code", "password"],
      second_factors: ["totp", "backup_code"],
      email_address_verification_strategies: ["email_code"],
      single_session_mode: context.singleSessionMode,
      enhanced_email_deliverability: false,
      test_mode: context.development,
      cookieless_dev: false,
      url_based_session_syncing: false,
      claimed_at: null,
      reverification: false,
      native_settings: {
        object: "native_settings",
        api_enabled: true,
        trusted_device_sign_in_enabled: false,
        trusted_device_enrollment_prompt_after_sign_in_enabled: false,
        trusted_device_enrollment_prompt_after_sign_up_enabled: false,
      },
    },
    display_config: {
      object: "display_config" as const,
      id: "display_config_latchkey",
      instance_environment_type: context.development ? "development" : "production",
      application_name: context.applicationName,
      theme: {},
      preferred_sign_in_strategy: "password",
      logo_image_url: null,
      favicon_image_url: null,
      home_url: urls.homeUrl,
      sign_in_url: urls.signInUrl,
      sign_up_url: urls.signUpUrl,
      user_profile_url: urls.homeUrl,
      waitlist_url: urls.signUpUrl,
      oauth_consent_url: urls.signInUrl,
      after_sign_in_url: urls.afterSignInUrl,
      after_sign_up_url: urls.afterSignUpUrl,
      after_sign_out_one_url: urls.afterSignOutUrl,
      after_sign_out_all_url: urls.afterSignOutUrl,
      after_switch_session_url: urls.afterSignInUrl,
      after_join_waitlist_url: urls.homeUrl,
      organization_profile_url: urls.homeUrl,
      create_organization_url: urls.homeUrl,
      after_leave_organization_url: urls.homeUrl,
      after_create_organization_url: urls.homeUrl,
      logo_link_url: urls.homeUrl,
      support_email: null,
      branded: false,
      experimental_force_oauth_first: false,
      clerk_js_version: null,
      show_devmode_warning: context.development,
      google_one_tap_client_id: null,
      help_url: null,
      privacy_policy_url: null,
      terms_url: null,
      logo_url: null,
      favicon_url: null,
      logo_image: null,
      favicon_image: null,
      captcha_public_key: null,
      captcha_widget_type: null,
      captcha_public_key_invisible: null,
      captcha_provider: null,
      captcha_oauth_bypass: [] as string[],
    },
    user_settings: {
      attributes: {
        email_address: attribute({
          enabled: true,
          required: true,
          firstFactors: ["email_code"],
          verifications: ["email_code"],
        }),
        phone_number: attribute({ enabled: false }),
        username: attribute({ enabled: true }),
        web3_wallet: attribute({ enabled: false }),
        first_name: attribute({ enabled: true }),
        last_name: attribute({ enabled: true }),
        password: attribute({ enabled: true, required: true }),
        authenticator_app: attribute({ enabled: true, secondFactors: ["totp"] }),
        ticket: attribute({ enabled: false }),
        backup_code: attribute({ enabled: true, secondFactors: ["backup_code"] }),
        passkey: attribute({ enabled: false }),
      },
      social: Object.fromEntries(
        context.socialConnections.map((connection) => [
          connection.strategy,
          {
            enabled: true,
            required: false,
            authenticatable: true,
            block_email_subaddresses: false,
            strategy: connection.strategy,
            not_selectable: false,
            deprecated: false,
            name: connection.name,
            logo_url: null,
          },
        ]),
      ),
      saml: { enabled: false },
      enterprise_sso: { enabled: false },
      sign_in: { second_factor: { required: false } },
      sign_up: {
        captcha_enabled: false,
        captcha_widget_type: "smart",
        custom_action_required: false,
        progressive: true,
        mode: "public",
        legal_consent_enabled: false,
      },
      restrictions: {
        allowlist: { enabled: false },
        blocklist: { enabled: false },
        allowlist_blocklist_disabled_on_sign_in: { enabled: false },
        block_email_subaddresses: { enabled: false },
        block_disposable_email_domains: { enabled: false },
      },
      password_settings: {
        disable_hibp: false,
        disable_password_reverification: false,
        min_length: MIN_PASSWORD_LENGTH,
        max_length: MAX_PASSWORD_LENGTH,
        require_special_char: false,
        require_numbers: false,
        require_uppercase: false,
        require_lowercase: false,
        show_zxcvbn: false,
        min_zxcvbn_strength: 0,
        enforce_hibp_on_sign_in: false,
        allowed_special_characters: "",
      },
      username_settings: {
        min_length: 4,
        max_length: 64,
        allow_extended_special_characters: false,
        allow_numeric_usernames: true,
      },
      actions: { delete_self: true, create_organization: true, create_organizations_limit: null },
      attack_protection: {
        user_lockout: {
          enabled: true,
          max_attempts: context.maxVerificationAttempts,
          duration_in_minutes:
            context.lockoutSeconds === null ? null : Math.ceil(context.lockoutSeconds / 60),
        },
        pii: { enabled: false },
        email_link: { require_same_client: false },
        enumeration_protection: { enabled: false },
      },
      passkey_settings: {
        allow_autofill: false,
        show_sign_in_button: false,
        satisfies_second_factor: false,
      },
    },
    organization_settings: {
      enabled: true,
      max_allowed_memberships: 0,
      actions: { admin_delete: true },
      domains: { enabled: false, enrollment_modes: [] as string[], default_role: "org:member" },
      slug: { disabled: false },
      creator_role: "org:admin",
    },
    client_debug_mode: false,
    partitioned_cookies: false,
    maintenance_mode: false,
  };
}
