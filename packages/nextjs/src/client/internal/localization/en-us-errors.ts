/**
 * Plain words for every error code the instance can answer with, keyed as Clerk's
 * `unstable__errors`: the code, or `code__param` where the field changes the advice. Values in
 * `{{…}}` are filled in when the message is shown:
 *
 * - `{{duration}}`: how long to wait (`user_locked`: `meta.lockout_expires_in_seconds`;
 *   `too_many_requests`: `Retry-After` or `meta.retry_after`), e.g. "15 minutes";
 * - `{{maxLength}}`: `meta.max_length`; `{{minLength}}`: the instance's shortest password.
 *
 * Codes missing here fall back to the instance's own message.
 */
export const enUSErrors: Record<string, string> = {
  // Sign-in and sign-up fields.
  form_identifier_not_found: "Couldn't find your account. Check the email address, or sign up.",
  form_identifier_exists__email_address:
    "An account with this email address already exists. Sign in instead, or use another address.",
  form_identifier_exists__slug: "Another organization already uses this slug. Choose another one.",
  form_identifier_exists: "This is already taken. Try another one.",
  form_password_incorrect: "Password is incorrect. Try again, or use another method.",
  form_password_pwned:
    "This password has appeared in a data breach, so it isn't safe. Choose a different one.",
  form_password_length_too_short: "Use at least {{minLength}} characters for your password.",
  form_password_length_too_long: "Use at most {{maxLength}} characters for your password.",
  form_password_size_in_bytes_exceeded:
    "This password is too long. Use fewer characters, or fewer symbols and emoji.",
  form_password_digest_invalid: "This password can't be used. Choose a different one.",
  form_username_invalid_length: "Usernames must be between 4 and 64 characters long.",
  form_username_invalid_character: "Usernames can use only letters, numbers, _ and -.",
  form_code_incorrect: "That code is incorrect. Check the email and try again.",
  form_param_format_invalid__email_address: "Enter a valid email address, like name@example.com.",
  form_param_format_invalid__slug:
    "Use only lowercase letters, numbers and hyphens (-) in the slug.",
  form_param_format_invalid: "This doesn't look right. Check it and try again.",
  form_param_value_invalid__name:
    "Enter a name of at most 256 characters, without web addresses or HTML.",
  form_param_value_invalid: "This value isn't allowed. Check it and try again.",
  form_param_missing__email_address: "Enter your email address.",
  form_param_missing__identifier: "Enter your email address.",
  form_param_missing__password: "Enter your password.",
  form_param_missing__code: "Enter the code from the email.",
  form_param_missing__name: "Enter a name.",
  form_param_missing: "Fill in this field.",
  form_param_max_length_exceeded: "This is too long. Use at most {{maxLength}} characters.",
  form_param_unknown: "Something went wrong. Reload the page and try again.",
  // Codes and verification.
  verification_expired: "This code has expired. Select “Resend code” to get a new one.",
  verification_failed: "Too many wrong codes. Select “Resend code” to get a new one.",
  verification_missing: "Ask for a code first.",
  verification_already_verified: "This is already verified. Continue to the next step.",
  strategy_for_user_invalid: "This way of signing in isn't available for your account.",
  password_not_set: "This account has no password. Select “Email me a code instead”.",
  totp_not_enabled: "This account has no authenticator app set up.",
  totp_already_enabled: "An authenticator app is already set up for this account.",
  // The account and the session.
  user_locked: "Your account is locked after too many failed attempts. Try again in {{duration}}.",
  user_locked__unknown_duration:
    "Your account is locked after too many failed attempts. Try again later.",
  user_locked__indefinitely:
    "Your account is locked. Contact the site's administrator to unlock it.",
  user_banned: "This account can't sign in. Contact the site's administrator.",
  session_exists: "You're already signed in.",
  identifier_already_signed_in: "You're already signed in with this account.",
  session_not_active: "Your session has ended. Sign in again.",
  signed_out: "You're signed out. Sign in again.",
  sign_in_status_invalid: "This sign-in has expired. Start again.",
  sign_up_status_invalid: "This sign-up has expired. Start again.",
  client_token_invalid: "Your browser's session has expired. Reload the page and try again.",
  // Limits.
  too_many_requests: "Too many attempts. Wait {{duration}}, then try again.",
  too_many_requests__unknown_duration: "Too many attempts. Wait a minute, then try again.",
  request_body_too_large: "That is too much text to send. Shorten it and try again.",
  request_body_invalid: "Something went wrong. Reload the page and try again.",
  // Email.
  email_delivery_failed: "We couldn't send the email. Try again in a moment.",
  // Organizations.
  already_a_member_in_organization: "You're already a member of this organization.",
  organization_creator_not_found: "Your account wasn't found. Sign in again.",
  organization_membership_quota_exceeded: "This organization has no room for more members.",
  organization_invitation_not_unique: "This address has already been invited.",
  organization_role_in_use: "Someone holds this role or has been invited with it, so it stays.",
  organization_system_role_protected: "The admin and member roles can't be deleted or renamed.",
  organization_invitation_not_pending: "This invitation is no longer open.",
  organization_invitation_identification_not_exist:
    "This invitation is for an email address your account doesn't have.",
  missing_organization_permission: "Only an admin of this organization can do that.",
  duplicate_record: "This address has already been invited.",
  invitation_already_revoked: "This invitation was withdrawn.",
  invitation_already_accepted: "This invitation was already accepted. Sign in instead.",
  not_allowed_access: "You aren't allowed to do that.",
  resource_not_found: "We couldn't find that. It may have been removed; reload the page.",
  // Setup problems of the site (not the visitor's doing).
  origin_invalid:
    "This site may not sign people in with its auth server. Contact the site's administrator.",
  redirect_url_invalid: "The page to go back to isn't allowed. Start again from the home page.",
  authentication_invalid: "The site's auth server refused the request. Reload the page.",
  clerk_key_invalid: "The site's auth server refused the request. Reload the page.",
  use_verify_token: "Something went wrong. Reload the page and try again.",
  jwt_template_reserved_claim: "Something went wrong. Reload the page and try again.",
  primary_identification_deletion_forbidden:
    "Make another email address primary before removing this one.",
  webhook_delivery_not_replayable: "Something went wrong. Reload the page and try again.",
  package_not_installed:
    "Part of this page couldn't be loaded from the auth server. Contact the site's administrator.",
  internal_clerk_error: "Something went wrong on our side. Try again in a moment.",
  // Social sign-in.
  oauth_strategy_not_enabled: "This way of signing in isn't available. Use another one.",
  oauth_callback_invalid:
    "This sign-in link isn't valid any more (used, expired, or started in another browser). Start again.",
  oauth_access_denied:
    "You didn't allow access to your account at the provider, so you aren't signed in. Start again to try once more.",
  oauth_provider_error:
    "The provider's answer couldn't be used to sign you in. Start again, or sign in another way.",
  oauth_email_unverified:
    "The provider hasn't verified this email address, so it can't be linked to the account that already has it. Sign in with your password, then connect the provider.",
  external_account_not_found: "No account uses this provider yet. Sign up to create one.",
  external_account_exists: "This provider's account already belongs to a user. Sign in instead.",
  oauth_token_unavailable:
    "The connection to the provider has expired. Sign in with the provider again.",
  // Not the instance's: the browser could not reach it, or something unexpected happened.
  network_error: "We couldn't reach the server. Check your connection and try again.",
  unexpected_error: "Something went wrong. Try again.",
};
