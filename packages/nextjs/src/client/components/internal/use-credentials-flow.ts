import { useEffect, useId, useState } from "react";
import type { Appearance } from "../../internal/appearance.js";
import { type RedirectSettings, useClerkContext } from "../../internal/clerk-context.js";
import { useLocalization } from "../../internal/localization/use-localization.js";
import type {
  AuthenticateWithRedirectParams,
  OAuthStrategy,
} from "../../internal/resources/authenticate-with-redirect.js";
import { NO_ERRORS } from "./form-errors.js";
import { type RedirectProps, resolveRedirectUrl } from "./resolve-redirect-url.js";
import { type CredentialsForm, useCredentialsForm } from "./use-credentials-form.js";
import { type ElementClass, useElementClass } from "./use-element-class.js";
import { NAVIGATING } from "./use-form-submission.js";
import { type Routing, useStepRouting } from "./use-step-routing.js";

/** Props `<SignIn/>` and `<SignUp/>` share. */
export interface CredentialsFlowProps extends RedirectProps {
  /** `path` (steps under `path`), `hash` or `virtual` (default: `path` when `path` is set). */
  routing?: Routing;
  /** The page the component is mounted on, for `routing="path"` (e.g. `/sign-in`). */
  path?: string;
  /** Pre-fills the email address. */
  initialValues?: { emailAddress?: string };
  appearance?: Appearance;
  /**
   * The page social providers send the browser back to, which renders
   * `<AuthenticateWithRedirectCallback/>` (default `/sso-callback`).
   */
  oauthCallbackUrl?: string;
}

/** What a flow needs of its attempt (a sign-in or a sign-up resource). */
export interface FlowAttempt {
  id: string | undefined;
  status: string | null;
  createdSessionId: string | null;
  authenticateWithRedirect(params: AuthenticateWithRedirectParams): Promise<void>;
}

/** A component's flow: sign-in or sign-up, its steps (the first one without a code), its fields. */
export interface CredentialsFlowConfig<S extends string> {
  kind: "signIn" | "signUp";
  steps: readonly S[];
  /** Which form field each instance parameter belongs to. */
  fieldByParam: Record<string, string>;
}

/** What {@link useCredentialsFlow} hands `<SignIn/>` and `<SignUp/>`. */
export interface CredentialsFlow<S extends string, A extends FlowAttempt> {
  kind: "signIn" | "signUp";
  cls: ElementClass;
  /** The provider's appearance (the component's is in its props). */
  providerAppearance: Appearance | undefined;
  /** The provider's redirect settings (the sign-in and sign-up pages among them). */
  redirects: RedirectSettings;
  /** Unique id prefix of the form (from `useId`). */
  formId: string;
  step: S;
  goTo(step: S): void;
  form: CredentialsForm;
  /** The attempt in progress: the one this component last got, else the client's; `null`: none. */
  active: A | null;
  setAttempt(attempt: A): void;
  /** Set by going back: the first step then opens with the email field focused. */
  cameBack: boolean;
  /** Back to the first step: errors and status line cleared, the email field focused. */
  back(): void;
  /**
   * Keeps `attempt`; when it is complete, activates its session and heads for the redirect URL
   * (the answer is then `true`: the form stays busy until the page has left).
   */
  activateIfComplete(attempt: A): Promise<boolean>;
  /** The attempt a typed code goes to; `null` when there is none, or no code (then said so). */
  attemptForCode(): A | null;
  /** Sends a new code through `prepare`, the status line saying when it is on its way. */
  resend(prepare: (attempt: A) => Promise<A>): void;
  /**
   * Starts a sign-in or sign-up at a social provider and leaves for its page, the form busy
   * until the page is gone (errors land in the form).
   */
  startSocial(strategy: OAuthStrategy): void;
}

/**
 * The state and steps `<SignIn/>` and `<SignUp/>` share: an email + password first step, then
 * code steps, mirrored in the URL. A code step in the URL without an attempt in progress (reload,
 * shared link) starts over; with one, it resumes from the client's attempt.
 *
 * @param current the client's attempt (`useSignIn().signIn` or `useSignUp().signUp`).
 * @param isLoaded whether the client's state has loaded.
 * @throws {LatchkeyClientError} `provider-missing` outside `<ClerkProvider>`.
 * @example
 * const { signIn: current, isLoaded } = useSignIn();
 * const flow = useCredentialsFlow(FLOW, props, current, isLoaded);
 */
export function useCredentialsFlow<S extends string, A extends FlowAttempt>(
  config: CredentialsFlowConfig<S>,
  props: CredentialsFlowProps,
  current: A,
  isLoaded: boolean,
): CredentialsFlow<S, A> {
  const { core, redirects, appearance } = useClerkContext(
    config.kind === "signIn" ? "SignIn" : "SignUp",
  );
  const cls = useElementClass(props.appearance);
  const t = useLocalization();
  const formId = useId();
  const routing = props.routing ?? (props.path ? "path" : "virtual");
  const [step, goTo] = useStepRouting<S>(routing, props.path, config.steps);
  const [attempt, setAttempt] = useState<A | null>(null);
  const [cameBack, setCameBack] = useState(false);
  const form = useCredentialsForm(props.initialValues?.emailAddress, config.fieldByParam);
  const { setErrors, setNotice, run } = form;

  const first = config.steps[0] as S;
  const active = attempt ?? (current.id ? current : null);
  useEffect(() => {
    if (isLoaded && step !== first && active === null) goTo(first);
  }, [isLoaded, step, first, active, goTo]);

  const back = () => {
    setErrors(NO_ERRORS);
    setNotice(null);
    setCameBack(true);
    goTo(first);
  };

  const completionUrl = () =>
    resolveRedirectUrl(config.kind, props, redirects, core.getEnvironment());

  const activateIfComplete = async (next: A): Promise<boolean> => {
    setAttempt(next);
    if (next.status !== "complete" || !next.createdSessionId) return false;
    await core.setActive({ session: next.createdSessionId, redirectUrl: completionUrl() });
    return true;
  };

  const startSocial = (strategy: OAuthStrategy) => {
    void run(async () => {
      await current.authenticateWithRedirect({
        strategy,
        redirectUrl: props.oauthCallbackUrl ?? "/sso-callback",
        redirectUrlComplete: completionUrl(),
      });
      return NAVIGATING;
    });
  };

  const attemptForCode = (): A | null => {
    if (active === null) return null;
    if (form.code.trim() !== "") return active;
    setErrors({ fields: { code: t.formErrors.codeRequired }, form: null });
    return null;
  };

  const resend = (prepare: (attempt: A) => Promise<A>) => {
    if (active === null) return;
    void run(async () => {
      setNotice(null);
      setAttempt(await prepare(active));
      setNotice(t.notices.codeSent);
    });
  };

  return {
    kind: config.kind,
    cls,
    providerAppearance: appearance,
    redirects,
    formId,
    step,
    goTo,
    form,
    active,
    setAttempt,
    cameBack,
    back,
    activateIfComplete,
    attemptForCode,
    resend,
    startSocial,
  };
}
