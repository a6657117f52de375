/**
 * Every text the components show, in Clerk's localization shape (`signIn.start.title`,
 * `formFieldLabel__emailAddress`, `unstable__errors.form_password_incorrect`…). `{{name}}` marks
 * a value filled in when the text is shown. The provider's `localization` prop overrides any part
 * of it ({@link LocalizationResource}); the rest stays English ({@link enUS}).
 */
export interface Localization {
  /** BCP 47 tag used to format numbers and durations (`en-US`). */
  locale: string;
  formButtonPrimary: string;
  formButtonPrimary__verify: string;
  formFieldLabel__emailAddress: string;
  formFieldLabel__password: string;
  formFieldLabel__code: string;
  formFieldLabel__organizationName: string;
  formFieldLabel__organizationSlug: string;
  /** Shown under the new-password field before anything is typed. `{{minLength}}`. */
  formFieldHintText__password: string;
  formFieldHintText__slug: string;
  formFieldHintText__optional: string;
  backButton: string;
  /** A social connection's button on `<SignIn/>` and `<SignUp/>`. `{{provider}}`: its name. */
  socialButtonsBlockButton: string;
  /** Between the social buttons and the email form. */
  dividerText: string;
  /** Read to screen readers while a form's request runs. */
  formStatus__busy: string;
  /** The banner of a form that needs JavaScript and has none yet. */
  formStatus__noScript: string;
  signIn: {
    start: {
      title: string;
      subtitle: string;
      actionText: string;
      actionLink: string;
      actionLink__useEmailCode: string;
    };
    emailCode: {
      title: string;
      /** `{{identifier}}`: where the code went. */
      subtitle: string;
      resendButton: string;
    };
    totpMfa: { title: string; subtitle: string; formTitle: string };
  };
  signUp: {
    start: { title: string; subtitle: string; actionText: string; actionLink: string };
    emailCode: {
      title: string;
      /** `{{identifier}}`: where the code went. */
      subtitle: string;
      resendButton: string;
      /** The way back to the first step to change the address. */
      changeEmailButton: string;
    };
    /** `{{fields}}`: what the instance still asks for. */
    missingFields: string;
  };
  userButton: {
    /** `{{name}}`: the signed-in user. */
    action__openMenu: string;
    menuTitle: string;
    action__signOut: string;
  };
  organizationSwitcher: {
    title: string;
    personalWorkspace: string;
    /** The trigger's text when the active organization is not in the loaded list yet. */
    unknownOrganization: string;
    /** Marks the active entry of the list, visibly and for screen readers. */
    badge__active: string;
    /** `{{name}}`: the active organization or account, in the trigger's accessible name. */
    action__open: string;
    /** Opens the create form inside the switcher. */
    action__createOrganization: string;
    loadFailed: string;
  };
  createOrganization: {
    /** Submits the switcher's create form (creates, then switches to it). */
    formButtonSubmit: string;
  };
  /** `<AuthenticateWithRedirectCallback/>`, the page a social provider sends people back to. */
  redirectCallback: {
    /** Said while the sign-in or sign-up is being finished. */
    loading: string;
    /** The heading above a refusal. */
    errorTitle: string;
    /** The link back to the sign-in page. */
    backToSignIn: string;
  };
  /** What the components check before calling the instance. */
  formErrors: {
    emailAddressRequired: string;
    passwordRequired: string;
    passwordOrCodeRequired: string;
    /** `{{minLength}}`. */
    passwordTooShort: string;
    codeRequired: string;
    organizationNameRequired: string;
    cannotContinue: string;
  };
  /** Status lines of the code steps. */
  notices: {
    codeSent: string;
  };
  /**
   * Plain words for the instance's error codes (Clerk's `unstable__errors`). A key is a code, or
   * `code__param` for one parameter (`form_param_format_invalid__email_address`); see
   * {@link enUSErrors} for the codes and the values they fill in.
   */
  unstable__errors: Record<string, string>;
}

/** Part of a {@link Localization}, at any depth: what the provider's `localization` prop takes. */
export type LocalizationResource = {
  [K in keyof Localization]?: Localization[K] extends string
    ? string
    : Localization[K] extends Record<string, string>
      ? Record<string, string>
      : DeepPartial<Localization[K]>;
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };
