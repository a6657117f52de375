/**
 * The single table mapping every error code the server can answer with to its HTTP status and
 * default messages. Codes are the contract; messages may change.
 */
export const ERROR_TABLE = {
  authentication_invalid: {
    status: 401,
    message: "Invalid authentication",
    longMessage: "Unable to authenticate the request, you need to supply an active API key",
  },
  clerk_key_invalid: {
    status: 401,
    message: "Secret Key is invalid",
    longMessage:
      "The provided Secret Key is invalid. Make sure that your Secret Key is correct and that it has the expected format.",
  },
  resource_not_found: {
    status: 404,
    message: "not found",
    longMessage: "Resource not found",
  },
  request_body_invalid: {
    status: 400,
    message: "Request body invalid",
    longMessage: "The request body could not be parsed. Send a valid JSON object.",
  },
  request_body_too_large: {
    status: 413,
    message: "Request body too large",
    longMessage: "The request body exceeds the maximum allowed size.",
  },
  form_param_missing: {
    status: 422,
    message: "is missing",
    longMessage: "A required parameter is missing.",
  },
  form_param_format_invalid: {
    status: 422,
    message: "is invalid",
    longMessage: "A parameter has an invalid format.",
  },
  form_param_unknown: {
    status: 422,
    message: "is unknown",
    longMessage: "A parameter is not valid for this request.",
  },
  form_param_max_length_exceeded: {
    status: 422,
    message: "is too long",
    longMessage: "A parameter is longer than allowed.",
  },
  form_param_value_invalid: {
    status: 422,
    message: "is invalid",
    longMessage: "A parameter has a value that is not allowed.",
  },
  form_identifier_exists: {
    status: 422,
    message: "That identifier is taken. Please try another.",
    longMessage: "That identifier is taken. Please try another.",
  },
  form_username_invalid_length: {
    status: 422,
    message: "Usernames must be between 4 and 64 characters long.",
    longMessage: "Usernames must be between 4 and 64 characters long.",
  },
  form_username_invalid_character: {
    status: 422,
    message: "Usernames can only contain letters, numbers, and '_' or '-'.",
    longMessage: "Usernames can only contain letters, numbers, and '_' or '-'.",
  },
  form_password_length_too_short: {
    status: 422,
    message: "Passwords must be 8 characters or more.",
    longMessage: "Passwords must be 8 characters or more.",
  },
  form_password_length_too_long: {
    status: 422,
    message: "Passwords must be 72 characters or fewer.",
    longMessage: "Passwords must be 72 characters or fewer.",
  },
  form_password_size_in_bytes_exceeded: {
    status: 422,
    message: "Passwords must be 72 bytes or fewer.",
    longMessage: "Passwords must be 72 bytes or fewer once encoded as UTF-8.",
  },
  form_password_pwned: {
    status: 422,
    message: "Password is too common.",
    longMessage:
      "This password is on a list of commonly used or breached passwords. Please use a different password.",
  },
  form_password_digest_invalid: {
    status: 422,
    message: "Password digest is invalid",
    longMessage: "The password digest does not match the format expected by the password hasher.",
  },
  form_password_incorrect: {
    status: 422,
    message: "Password is incorrect. Try again, or use another method.",
    longMessage: "Password is incorrect. Try again, or use another method.",
  },
  // Users, email addresses, phone numbers.
  primary_identification_deletion_forbidden: {
    status: 409,
    message: "cannot delete primary identification",
    longMessage:
      "A primary identification cannot be deleted while the user has others; make another one primary first.",
  },
  form_code_incorrect: {
    status: 422,
    message: "Incorrect code",
    longMessage: "The code is incorrect.",
  },
  password_not_set: {
    status: 400,
    message: "Password not set",
    longMessage: "The user does not have a password set.",
  },
  totp_not_enabled: {
    status: 400,
    message: "TOTP not enabled",
    longMessage: "The user does not have TOTP configured for their account.",
  },
  webhook_delivery_not_replayable: {
    status: 400,
    message: "Delivery cannot be replayed",
    longMessage: "Only dead or failed webhook deliveries can be replayed.",
  },
  use_verify_token: {
    status: 410,
    message: "Use verifyToken",
    longMessage:
      "POST /v1/sessions/{session_id}/verify is deprecated and not offered: verify the session token itself with verifyToken (or authenticateRequest), using the instance's JWT key or JWKS.",
  },
  session_not_active: {
    status: 401,
    message: "Session not active",
    longMessage:
      "Tokens are only issued for active sessions of users who are not banned or locked.",
  },
  jwt_template_reserved_claim: {
    status: 422,
    message: "Reserved claim",
    longMessage: "JWT template claims cannot override reserved claims.",
  },
  client_token_invalid: {
    status: 400,
    message: "Client token invalid",
    longMessage:
      "The client token is malformed, not signed by this instance, or its client is gone.",
  },
  too_many_requests: {
    status: 429,
    message: "Too many requests",
    longMessage: "Too many requests. Please try again later.",
  },
  email_delivery_failed: {
    status: 502,
    message: "Email could not be sent",
    longMessage: "The email could not be delivered to the mail server. Please try again later.",
  },
  // Organizations and invitations.
  already_a_member_in_organization: {
    status: 400,
    message: "already a member",
    longMessage: "The user is already a member of the organization.",
  },
  organization_creator_not_found: {
    status: 400,
    message: "creator not found",
    longMessage: "No user was found with the id given as created_by.",
  },
  organization_membership_quota_exceeded: {
    status: 403,
    message: "organization membership quota exceeded",
    longMessage:
      "The organization has reached its limit of memberships, including outstanding invitations.",
  },
  organization_invitation_not_unique: {
    status: 400,
    message: "organization invitation not unique",
    longMessage: "Organizations cannot have duplicate pending invitations for an email address.",
  },
  organization_invitation_not_pending: {
    status: 400,
    message: "not pending",
    longMessage: "The organization invitation is not in the 'pending' status.",
  },
  organization_invitation_identification_not_exist: {
    status: 400,
    message: "identification not found",
    longMessage: "The user has no verified email address matching the invitation.",
  },
  organization_role_in_use: {
    status: 422,
    message: "role in use",
    longMessage:
      "The organization role is held by a member or offered by a pending invitation, so it cannot be deleted.",
  },
  organization_system_role_protected: {
    status: 422,
    message: "system role",
    longMessage:
      "System roles (org:admin, org:member) cannot be deleted and their keys cannot change.",
  },
  missing_organization_permission: {
    status: 403,
    message: "missing permission",
    longMessage: "The user is missing an organization permission needed for this action.",
  },
  duplicate_record: {
    status: 400,
    message: "duplicate record",
    longMessage: "There are already pending invitations for this email address.",
  },
  invitation_already_revoked: {
    status: 400,
    message: "Invitation is already revoked.",
    longMessage: "Invitation is already revoked.",
  },
  invitation_already_accepted: {
    status: 400,
    message: "Invitation is already accepted.",
    longMessage: "Invitation is already accepted, try signing in instead.",
  },
  // Frontend API (sign-up, sign-in, sessions of the browser's client).
  form_identifier_not_found: {
    status: 422,
    message: "Couldn't find your account.",
    longMessage: "Couldn't find your account.",
  },
  verification_expired: {
    status: 400,
    message: "Verification expired",
    longMessage: "This verification has expired. Request a new code.",
  },
  verification_failed: {
    status: 400,
    message: "Too many failed attempts",
    longMessage: "Too many failed attempts. Request a new code.",
  },
  verification_missing: {
    status: 400,
    message: "Verification not prepared",
    longMessage: "Prepare the verification (send a code) before attempting it.",
  },
  verification_already_verified: {
    status: 400,
    message: "Already verified",
    longMessage: "This verification has already been verified.",
  },
  strategy_for_user_invalid: {
    status: 422,
    message: "Invalid verification strategy",
    longMessage: "This verification strategy is not available for this account.",
  },
  user_locked: {
    status: 403,
    message: "Account locked",
    longMessage: "Your account is locked. Please try again later.",
  },
  user_banned: {
    status: 403,
    message: "Account banned",
    longMessage: "This account is banned and cannot sign in.",
  },
  session_exists: {
    status: 400,
    message: "You're already signed in",
    longMessage: "You're already signed in; sign out before signing in or up again.",
  },
  identifier_already_signed_in: {
    status: 400,
    message: "You're already signed in",
    longMessage: "This account is already signed in on this client.",
  },
  sign_in_status_invalid: {
    status: 400,
    message: "Sign-in step not allowed",
    longMessage: "This step does not apply to the sign-in in its current status.",
  },
  sign_up_status_invalid: {
    status: 400,
    message: "Sign-up step not allowed",
    longMessage: "This step does not apply to the sign-up in its current status.",
  },
  origin_invalid: {
    status: 403,
    message: "Origin not allowed",
    longMessage: "The request's origin is not allowed to call this Frontend API.",
  },
  redirect_url_invalid: {
    status: 422,
    message: "Redirect URL not allowed",
    longMessage: "The redirect URL's origin is not allowed for this instance.",
  },
  signed_out: {
    status: 401,
    message: "Signed out",
    longMessage: "There is no active client for this request; sign in first.",
  },
  // Frontend API: the signed-in user (`/v1/me`), MFA enrolment, organizations.
  not_allowed_access: {
    status: 403,
    message: "Not allowed",
    longMessage: "You are not allowed to perform this action.",
  },
  totp_already_enabled: {
    status: 400,
    message: "TOTP already enabled",
    longMessage: "An authenticator app is already set up; remove it before adding another.",
  },
  // Social sign-in (OAuth / OpenID Connect connections).
  oauth_strategy_not_enabled: {
    status: 422,
    message: "is invalid",
    longMessage: "This OAuth strategy is not enabled on this instance.",
  },
  oauth_callback_invalid: {
    status: 400,
    message: "Invalid OAuth callback",
    longMessage:
      "This sign-in link is not valid: it is unknown, was already used, has expired, or was started in another browser. Start again.",
  },
  oauth_access_denied: {
    status: 403,
    message: "Access denied",
    longMessage: "You did not grant access to your account at the provider.",
  },
  oauth_provider_error: {
    status: 400,
    message: "OAuth provider error",
    longMessage:
      "The provider's answer could not be used to sign you in (the code, the ID token or the profile was refused).",
  },
  oauth_email_unverified: {
    status: 422,
    message: "Email address not verified",
    longMessage:
      "The provider has not verified this email address, so it cannot be linked to the existing account that has it. Sign in with your password, then connect the account.",
  },
  external_account_not_found: {
    status: 422,
    message: "Invalid external account",
    longMessage: "The External Account was not found.",
  },
  external_account_exists: {
    status: 422,
    message: "External account exists",
    longMessage: "This external account is already connected to a user.",
  },
  oauth_token_unavailable: {
    status: 422,
    message: "OAuth token unavailable",
    longMessage:
      "The provider's access token for this account has expired and could not be refreshed.",
  },
  // Static files: the browser bundles of Clerk's SDKs under `/npm/…`.
  package_not_installed: {
    status: 404,
    message: "Package not installed",
    longMessage:
      "The package that holds this file is an optional dependency of @latchkey/server and is not installed.",
  },
  internal_clerk_error: {
    status: 500,
    message: "Oops, an unexpected error occurred",
    longMessage:
      "There was an internal error on our servers. We've been notified and are working on fixing it.",
  },
} as const satisfies Record<string, { status: number; message: string; longMessage: string }>;

/** Every error code the server answers with. */
export type ApiErrorCode = keyof typeof ERROR_TABLE;
