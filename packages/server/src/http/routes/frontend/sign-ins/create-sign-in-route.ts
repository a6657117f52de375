import { z } from "zod";
import type { SignInRecord } from "../../../../store/frontend-store.js";
import { defineRoute } from "../../../define-route.js";
import { checkNoActiveSession } from "../../../frontend-api/check-no-active-session.js";
import { loadFrontendSignIn } from "../../../frontend-api/load-frontend-client.js";
import { checkAttemptRedirectUrls } from "../../../frontend-api/request-origin.js";
import { SIGN_IN_ABANDON_MS } from "../attempt-lifetimes.js";
import { startOAuthSignIn, transferToSignIn } from "../oauth/oauth-sign-in.js";
import { attemptSignInFirstFactor } from "./attempt-sign-in-first-factor.js";
import { prepareSignInEmailCode } from "./prepare-sign-in-email-code.js";
import { requireSignInUser } from "./require-sign-in-user.js";
import { signInEmailAddress } from "./sign-in-email-address.js";

/**
 * `POST /v1/client/sign_ins`: starts a sign-in on the requesting client (created when absent).
 * With `identifier` + `password` (strategy `password` or none) it is attempted at once; with
 * `strategy=email_code` the code is sent at once.
 *
 * Security note: an identifier that matches no account answers `form_identifier_not_found` (422),
 * revealing whether an account exists — as Clerk does. Per-IP and per-identifier rate limits
 * bound enumeration and guessing; wrong passwords lock the account after
 * `settings.maxVerificationAttempts`. A code sent at once counts toward the `verification_send`
 * limits (the caller's IP, the address it goes to).
 */
export const createSignInRoute = defineRoute({
  method: "POST",
  path: "/v1/client/sign_ins",
  auth: "client",
  body: z.object({
    identifier: z.string().optional(),
    strategy: z.string().optional(),
    password: z.string().optional(),
    email_address_id: z.string().optional(),
    redirect_url: z.string().optional(),
    action_complete_redirect_url: z.string().optional(),
    transfer: z.union([z.boolean(), z.string()]).optional(),
  }),
  rateLimits: [
    {
      class: "sign_in",
      identifier: ({ body, frontend }) => {
        checkAttemptRedirectUrls(body, frontend.allowedOrigins);
        return body.identifier?.trim() || null;
      },
    },
    {
      class: "verification_send",
      identifier: async ({ body, store, auth, frontend, clock }) => {
        const identifier = body.identifier?.trim() || null;
        if (body.strategy !== "email_code") return false;
        const user = await requireSignInUser(
          { store, auth, frontend, now: clock.now() },
          identifier,
        );
        if (user === null) return false;
        // No such address: the handler refuses the request, uncounted.
        return (
          signInEmailAddress({ identifier }, user, body.email_address_id)?.emailAddress ?? false
        );
      },
    },
  ],
  handler: async (context) => {
    const { body, store, clock, auth, frontend } = context;
    checkAttemptRedirectUrls(body, frontend.allowedOrigins);
    const json = (signIn: SignInRecord) =>
      loadFrontendSignIn(
        { store, imageBaseUrl: context.imageBaseUrl, now: clock.now(), settings: context.settings },
        signIn,
      );
    if (body.strategy?.startsWith("oauth_") || body.transfer === true || body.transfer === "true") {
      checkNoActiveSession(auth.client, { singleSessionMode: frontend.singleSessionMode });
      if (body.strategy === undefined) return json(await transferToSignIn(context));
      return json(
        await startOAuthSignIn(context, {
          strategy: body.strategy,
          redirectUrl: body.redirect_url,
          ...(body.action_complete_redirect_url === undefined
            ? {}
            : { actionCompleteRedirectUrl: body.action_complete_redirect_url }),
        }),
      );
    }
    const identifier = body.identifier?.trim() || null;
    const user = await requireSignInUser({ store, auth, frontend, now: clock.now() }, identifier);
    const client = await auth.ensureClient();
    let signIn = await store.createSignIn({
      clientId: client.id,
      abandonAt: clock.now() + SIGN_IN_ABANDON_MS,
      patch: {
        status: user === null ? "needs_identifier" : "needs_first_factor",
        identifier,
        userId: user?.id ?? null,
      },
    });
    await store.setClientAttempts(client.id, { signInId: signIn.id });
    const strategy = body.strategy ?? (body.password === undefined ? undefined : "password");
    if (user !== null && strategy === "password") {
      signIn = await attemptSignInFirstFactor(context, signIn, user, {
        strategy,
        password: body.password,
      });
    } else if (user !== null && strategy === "email_code") {
      signIn = await prepareSignInEmailCode(context, signIn, user, body.email_address_id);
    }
    return json(signIn);
  },
});
