import type { FormEvent, ReactNode } from "react";
import { useSignIn } from "../hooks/use-sign-in.js";
import { formatMessage } from "../internal/localization/format-message.js";
import { useLocalization } from "../internal/localization/use-localization.js";
import type { SignInResource } from "../internal/resources/sign-in-resource.js";
import { ActionButton } from "./internal/action-button.js";
import { CredentialsCard } from "./internal/credentials-card.js";
import { CredentialsCodeStep } from "./internal/credentials-code-step.js";
import { CredentialsStartStep } from "./internal/credentials-start-step.js";
import { type CredentialsFlowProps, useCredentialsFlow } from "./internal/use-credentials-flow.js";
import { NAVIGATING } from "./internal/use-form-submission.js";
import { useLockoutMemory } from "./internal/use-lockout-memory.js";

/** Props of `<SignIn/>`. */
export interface SignInProps extends CredentialsFlowProps {
  /** The sign-up page linked from the footer (default: the provider's `signUpUrl`). */
  signUpUrl?: string;
}

const FLOW = {
  kind: "signIn",
  steps: ["start", "factor-one", "factor-two"],
  fieldByParam: { identifier: "email", email_address: "email", password: "password", code: "code" },
} as const;

/**
 * Clerk's `<SignIn/>`: email + password, or an emailed code ("Email me a code instead"), then a
 * second factor when the account has one. Errors appear beside their fields, in plain words
 * (the provider's `localization`); on completion the session is activated, the server components
 * refresh and the app navigates to the redirect URL, the form staying busy until it has left.
 * "Back" returns to the first step with the email field focused.
 *
 * @throws never; failed steps show their errors in the form.
 * @example
 * ```tsx
 * // app/sign-in/[[...sign-in]]/page.tsx
 * import { SignIn } from "@latchkey/nextjs/client";
 * export default function Page() {
 *   return <SignIn routing="path" path="/sign-in" afterSignInUrl="/dashboard" />;
 * }
 * ```
 */
export function SignIn(props: SignInProps): ReactNode {
  const { signIn: current, isLoaded } = useSignIn();
  const flow = useCredentialsFlow(FLOW, props, current, isLoaded);
  const { form, active, step, goTo } = flow;
  const t = useLocalization();
  const lockout = useLockoutMemory();

  const finish = async (attempt: SignInResource): Promise<typeof NAVIGATING | undefined> => {
    if (await flow.activateIfComplete(attempt)) return NAVIGATING;
    form.setNotice(null);
    if (attempt.status === "needs_second_factor") {
      form.setCode("");
      goTo("factor-two");
      return undefined;
    }
    if (attempt.status === "needs_first_factor") {
      goTo("factor-one");
      return undefined;
    }
    form.setErrors({ fields: {}, form: t.formErrors.cannotContinue });
    return undefined;
  };

  // Failed steps go through the lockout memory, so a locked account stays "locked" (with the
  // time left) on every later try.
  const attempt = <T,>(identifier: string, call: () => Promise<T>): Promise<T> =>
    call().catch((error: unknown) => {
      throw lockout.explain(error, identifier);
    });

  const requireEmail = (): boolean => {
    if (form.email.trim() !== "") return true;
    form.setErrors({ fields: { email: t.formErrors.emailAddressRequired }, form: null });
    return false;
  };

  const onPasswordSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!requireEmail()) return;
    const password = form.password;
    if (password === "") {
      form.setErrors({ fields: { password: t.formErrors.passwordOrCodeRequired }, form: null });
      return;
    }
    const identifier = form.email.trim();
    void form.run(async () =>
      finish(await attempt(identifier, () => current.create({ identifier, password }))),
    );
  };

  const onEmailCode = () => {
    if (!requireEmail()) return;
    const identifier = form.email.trim();
    void form.run(async () => {
      const started = await attempt(identifier, () =>
        current.create({ identifier, strategy: "email_code" }),
      );
      flow.setAttempt(started);
      form.setCode("");
      form.setNotice(null);
      goTo("factor-one");
    });
  };

  const onCodeSubmit = (event: FormEvent) => {
    event.preventDefault();
    const to = flow.attemptForCode();
    if (to === null) return;
    const identifier = to.identifier ?? form.email.trim();
    const code = form.code.trim();
    void form.run(async () => {
      if (step === "factor-two") {
        const strategy = to.supportedSecondFactors?.[0]?.strategy ?? "totp";
        return finish(await attempt(identifier, () => to.attemptSecondFactor({ strategy, code })));
      }
      return finish(
        await attempt(identifier, () => to.attemptFirstFactor({ strategy: "email_code", code })),
      );
    });
  };

  const emailFactor = active?.supportedFirstFactors?.find((f) => f.strategy === "email_code");
  const onResend = () =>
    flow.resend((from) =>
      from.prepareFirstFactor({
        strategy: "email_code",
        ...(emailFactor?.emailAddressId ? { emailAddressId: emailFactor.emailAddressId } : {}),
      }),
    );

  const sentTo = emailFactor?.safeIdentifier ?? active?.identifier ?? form.email.trim();
  const secondFactor = step === "factor-two";

  return (
    <CredentialsCard
      flow={flow}
      appearance={props.appearance}
      footerHref={props.signUpUrl ?? flow.redirects.signUpUrl}
    >
      {step === "start" ? (
        <CredentialsStartStep flow={flow} onSubmit={onPasswordSubmit}>
          <ActionButton element="formButtonSecondary" onClick={onEmailCode} cls={flow.cls}>
            {t.signIn.start.actionLink__useEmailCode}
          </ActionButton>
        </CredentialsStartStep>
      ) : (
        <CredentialsCodeStep
          flow={flow}
          title={secondFactor ? t.signIn.totpMfa.title : t.signIn.emailCode.title}
          subtitle={
            secondFactor
              ? t.signIn.totpMfa.subtitle
              : formatMessage(t.signIn.emailCode.subtitle, { identifier: sentTo })
          }
          label={secondFactor ? t.signIn.totpMfa.formTitle : t.formFieldLabel__code}
          onSubmit={onCodeSubmit}
          submitLabel={t.formButtonPrimary}
          onResend={onResend}
          resendLabel={secondFactor ? undefined : t.signIn.emailCode.resendButton}
          backLabel={t.backButton}
        />
      )}
    </CredentialsCard>
  );
}
