import { enUSErrors } from "./en-us-errors.js";
import type { Localization } from "./localization.js";

/** The components' own English texts: what a `localization` prop overrides. */
export const enUS: Localization = {
  locale: "en-US",
  formButtonPrimary: "Continue",
  formButtonPrimary__verify: "Verify",
  formFieldLabel__emailAddress: "Email address",
  formFieldLabel__password: "Password",
  formFieldLabel__code: "Verification code",
  formFieldLabel__organizationName: "Organization name",
  formFieldLabel__organizationSlug: "Slug (optional)",
  formFieldHintText__password: "At least {{minLength}} characters.",
  formFieldHintText__slug:
    "Lowercase letters, numbers and hyphens, e.g. acme-inc. Left empty, one is made from the name.",
  formFieldHintText__optional: "Optional",
  backButton: "Back",
  socialButtonsBlockButton: "Continue with {{provider}}",
  dividerText: "or",
  formStatus__busy: "Working…",
  formStatus__noScript: "This form needs JavaScript. Turn JavaScript on, then reload the page.",
  signIn: {
    start: {
      title: "Sign in",
      subtitle: "Welcome back. Sign in to continue.",
      actionText: "No account?",
      actionLink: "Sign up",
      actionLink__useEmailCode: "Email me a code instead",
    },
    emailCode: {
      title: "Check your email",
      subtitle: "Enter the code we sent to {{identifier}}.",
      resendButton: "Resend code",
    },
    totpMfa: {
      title: "Two-step verification",
      subtitle: "Enter the code from your authenticator app.",
      formTitle: "Authentication code",
    },
  },
  signUp: {
    start: {
      title: "Create your account",
      subtitle: "Create your account to continue.",
      actionText: "Have an account?",
      actionLink: "Sign in",
    },
    emailCode: {
      title: "Verify your email",
      subtitle: "Enter the code we sent to {{identifier}}.",
      resendButton: "Resend code",
      changeEmailButton: "Use another email address",
    },
    missingFields: "Still needed: {{fields}}.",
  },
  userButton: {
    action__openMenu: "Open user menu for {{name}}",
    menuTitle: "User menu",
    action__signOut: "Sign out",
  },
  organizationSwitcher: {
    title: "Switch organization",
    personalWorkspace: "Personal account",
    unknownOrganization: "Organization",
    badge__active: "Active",
    action__open: "{{name}}: switch organization",
    action__createOrganization: "New organization",
    loadFailed: "Your organizations could not be loaded. Reload the page to try again.",
  },
  createOrganization: {
    formButtonSubmit: "Create and switch",
  },
  redirectCallback: {
    loading: "Signing you in…",
    errorTitle: "We couldn't sign you in",
    backToSignIn: "Back to sign in",
  },
  formErrors: {
    emailAddressRequired: "Enter your email address.",
    passwordRequired: "Choose a password.",
    passwordOrCodeRequired: "Enter your password, or ask for a code.",
    passwordTooShort: "Use at least {{minLength}} characters for your password.",
    codeRequired: "Enter the code from the email.",
    organizationNameRequired: "Enter a name for the organization.",
    cannotContinue: "This cannot continue. Please start again.",
  },
  notices: {
    codeSent: "A new code is on its way.",
  },
  unstable__errors: enUSErrors,
};
