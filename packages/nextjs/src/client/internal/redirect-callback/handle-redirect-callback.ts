import { ClerkAPIResponseError } from "@latchkey/backend";
import { LatchkeyClientError } from "../../latchkey-client-error.js";
import type { LatchkeyClerk } from "../latchkey-clerk.js";
import type { SignInResource } from "../resources/sign-in-resource.js";
import type { SignUpResource } from "../resources/sign-up-resource.js";
import type { Verification } from "../resources/verification.js";
import type { RedirectCallbackTargets } from "./redirect-callback-targets.js";

/** What {@link handleRedirectCallback} needs besides the provider's core. */
export interface RedirectCallbackOptions {
  targets: RedirectCallbackTargets;
  /** Moves the app (the `customNavigate` of `handleRedirectCallback`), else the provider's router. */
  customNavigate?: ((to: string) => unknown) | undefined;
  /** May an unknown account become a user, and a known one sign in from a sign-up (default yes). */
  transferable?: boolean | undefined;
  /** Metadata of a user created by a sign-in turned sign-up. */
  unsafeMetadata?: Record<string, unknown> | undefined;
}

/** The verification's recorded refusal, as the instance's errors arrive elsewhere. */
function refusal(verification: Verification | null): ClerkAPIResponseError | null {
  if (verification?.status !== "failed" && verification?.status !== "expired") return null;
  const error = verification.error ?? {
    code: "oauth_provider_error",
    message: "",
    longMessage: "",
    meta: {},
  };
  return new ClerkAPIResponseError(`The social sign-in failed (${error.code}).`, {
    status: 422,
    errors: [error],
  });
}

function incomplete(what: string): LatchkeyClientError {
  return new LatchkeyClientError(
    "redirect-callback-incomplete",
    `The social sign-in could not be finished: ${what}.`,
  );
}

/**
 * Finishes a social sign-in or sign-up on the app's callback page, from what the instance
 * recorded on the client when the provider sent the browser back:
 *
 * - a complete sign-in or sign-up: its session is made active, then the app goes on to the
 *   completion URL (`targets.afterSignIn` / `afterSignUp`);
 * - a sign-in whose provider account is unknown (`transferable`): a sign-up takes it over
 *   (`transfer`), complete at once or continued at its email code step;
 * - a sign-up whose provider account is known: a sign-in takes it over;
 * - a sign-in that needs a second factor: its second factor step;
 * - a verification the provider or the instance refused: that error is thrown.
 *
 * @throws `ClerkAPIResponseError` with the refusal (`oauth_access_denied`,
 *   `oauth_email_unverified`, `oauth_provider_error`, `user_banned`…) or from the transfer;
 *   {@link LatchkeyClientError} `redirect-callback-incomplete` when nothing can be finished.
 * @example
 * await handleRedirectCallback(core, { targets: redirectCallbackTargets({}, redirects, null) });
 */
export async function handleRedirectCallback(
  core: LatchkeyClerk,
  options: RedirectCallbackOptions,
): Promise<void> {
  const { targets, customNavigate } = options;
  const navigate = async (to: string) => {
    await (customNavigate ? customNavigate(to) : core.options.navigation.push(to));
  };
  const activate = async (sessionId: string, to: string) => {
    if (customNavigate) {
      await core.setActive({ session: sessionId });
      await customNavigate(to);
    } else {
      await core.setActive({ session: sessionId, redirectUrl: to });
    }
  };

  const finishSignIn = async (signIn: SignInResource): Promise<void> => {
    if (signIn.status === "complete" && signIn.createdSessionId) {
      return activate(signIn.createdSessionId, targets.afterSignIn);
    }
    const refused = refusal(signIn.firstFactorVerification);
    if (refused !== null) throw refused;
    if (signIn.status === "needs_second_factor") return navigate(targets.secondFactor);
    if (signIn.status === "needs_first_factor") return navigate(targets.firstFactor);
    throw incomplete(`sign-in ${signIn.status}`);
  };

  const finishSignUp = async (signUp: SignUpResource): Promise<void> => {
    if (signUp.status === "complete" && signUp.createdSessionId) {
      return activate(signUp.createdSessionId, targets.afterSignUp);
    }
    if (signUp.status === "missing_requirements") {
      if (signUp.missingFields.length > 0) {
        if (targets.continueSignUp === null) {
          throw incomplete(`the sign-up still needs ${signUp.missingFields.join(", ")}`);
        }
        return navigate(targets.continueSignUp);
      }
      if (signUp.unverifiedFields.includes("email_address")) {
        if (signUp.verifications.emailAddress?.nextAction !== "needs_attempt") {
          await signUp.prepareEmailAddressVerification({ strategy: "email_code" });
        }
        return navigate(targets.verifyEmailAddress);
      }
    }
    throw refusal(signUp.verifications.externalAccount) ?? incomplete(`sign-up ${signUp.status}`);
  };

  await core.load().catch(() => undefined);
  await core.reloadClient();
  const { signIn, signUp } = core.getState();
  const signInVerification = signIn.firstFactorVerification;
  const signUpVerification = signUp.verifications.externalAccount;
  const transferable = options.transferable ?? true;

  if (signIn.status === "complete" && signIn.createdSessionId) return finishSignIn(signIn);
  if (signUp.status === "complete" && signUp.createdSessionId) return finishSignUp(signUp);
  if (signInVerification?.status === "transferable") {
    if (!transferable) return navigate(targets.signIn);
    return finishSignUp(
      await signUp.create({
        transfer: true,
        ...(options.unsafeMetadata === undefined ? {} : { unsafeMetadata: options.unsafeMetadata }),
      }),
    );
  }
  if (signUpVerification?.status === "transferable") {
    if (!transferable) return navigate(targets.signUp);
    return finishSignIn(await signIn.create({ transfer: true }));
  }
  if (signIn.status === "needs_second_factor") return navigate(targets.secondFactor);
  if (signUp.status === "missing_requirements" && signUpVerification?.status === "verified") {
    return finishSignUp(signUp);
  }
  const refused = refusal(signInVerification) ?? refusal(signUpVerification);
  if (refused !== null) throw refused;
  throw incomplete("no social sign-in or sign-up is in progress on this browser");
}
