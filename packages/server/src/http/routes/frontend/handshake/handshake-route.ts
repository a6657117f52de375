import { z } from "zod";
import { ApiError } from "../../../../errors/api-error.js";
import { requireActiveSession } from "../../../../flows/sessions/require-active-session.js";
import type { SessionRecord } from "../../../../store/session-store.js";
import type { Store } from "../../../../store/store.js";
import { publishableKeyFor } from "../../../../tokens/publishable-key.js";
import { tokenRequestContext } from "../../../../tokens/token-request-context.js";
import { defineRoute } from "../../../define-route.js";
import { newClientToken } from "../../../frontend-api/client-token.js";
import { cookieSuffix } from "../../../frontend-api/cookie-suffix.js";
import {
  DEV_BROWSER_COOKIE,
  handshakeDirectives,
} from "../../../frontend-api/handshake-directives.js";
import { packHandshake } from "../../../frontend-api/handshake-payload.js";
import { checkRedirectUrl } from "../../../frontend-api/request-origin.js";
import { resolveActiveOrganization } from "../sessions/resolve-active-organization.js";

/** A dev-browser token as we issue them (43 base64url characters); anything else is replaced. */
const DEV_BROWSER_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const handshakeQuery = z.object({
  redirect_url: z.string().default(""),
  format: z.enum(["nonce", "token"]).default("token"),
  suffixed_cookies: z.enum(["true", "false"]).optional(),
  organization_id: z.string().optional(),
  [DEV_BROWSER_COOKIE]: z.string().optional(),
});

/** The client's session to hand over: its last active one, if it may still be issued tokens. */
async function activeSessionOf(
  store: Store,
  session: SessionRecord | undefined,
  now: number,
): Promise<SessionRecord | null> {
  if (session === undefined) return null;
  try {
    return (await requireActiveSession(store, session.id, now)).session;
  } catch (error) {
    if (error instanceof ApiError) return null;
    throw error;
  }
}

/**
 * `GET /v1/client/handshake`: where Clerk's server SDKs send a page load whose session they cannot
 * judge (no dev-browser token, an expired `__session`, `__client_uat` without `__session`…).
 * The browser arrives with its `__client` cookie; the answer is a 307 back to `redirect_url`
 * (required, absolute, on an allowed origin) carrying the cookies the app must set: a fresh
 * `__session` for the client's last active session (`azp` = the app's origin) and `__client_uat`,
 * or both cleared when it has none; in development also `__clerk_db_jwt`. `format=nonce` puts
 * them behind a one-time nonce the app's server redeems at the Backend API
 * (`GET /v1/clients/handshake_payload`); `format=token` (the default) in a signed JWT.
 * `organization_id` (id or slug; empty: the personal account) becomes the session's active
 * organization when the user belongs to it, and is otherwise ignored, as Clerk documents.
 *
 * @throws `redirect_url_invalid` (422) for a missing, relative or foreign `redirect_url`
 */
export const handshakeRoute = defineRoute({
  method: "GET",
  path: "/v1/client/handshake",
  auth: "client",
  query: handshakeQuery,
  handler: async ({
    query,
    auth,
    frontend,
    store,
    clock,
    settings,
    signingKeys,
    baseUrl,
    request,
  }) => {
    if (!URL.canParse(query.redirect_url)) {
      throw new ApiError("redirect_url_invalid", { paramName: "redirect_url" });
    }
    checkRedirectUrl(query.redirect_url, frontend.allowedOrigins);
    const redirect = new URL(query.redirect_url);
    const now = clock.now();

    const client = auth.client;
    const last = client?.sessions.find((s) => s.id === client.lastActiveSessionId);
    let session = await activeSessionOf(store, last, now);
    if (session !== null && query.organization_id !== undefined) {
      const organizationId = await resolveActiveOrganization(
        store,
        session.userId,
        query.organization_id,
        "organization_id",
      ).catch((error: unknown) => {
        if (error instanceof ApiError) return undefined;
        throw error;
      });
      if (organizationId !== undefined && organizationId !== session.lastActiveOrganizationId) {
        session = await store.setSessionActiveOrganization(session.id, organizationId);
      }
    }

    const sessionToken = session === null ? null : await auth.mintToken(session, redirect.origin);
    const presentedDevBrowser = query[DEV_BROWSER_COOKIE];
    const devBrowser = !settings.developmentMode
      ? null
      : presentedDevBrowser !== undefined && DEV_BROWSER_SHAPE.test(presentedDevBrowser)
        ? presentedDevBrowser
        : newClientToken();
    const { issuer } = tokenRequestContext(settings, baseUrl, request);
    const publishableKey = publishableKeyFor(issuer, settings.developmentMode ? "test" : "live");
    const directives = handshakeDirectives({
      sessionToken,
      clientUat: sessionToken === null ? 0 : Math.floor(now / 1000),
      devBrowser,
      secure: redirect.protocol === "https:",
      suffix: query.suffixed_cookies === "true" ? cookieSuffix(publishableKey) : null,
    });
    const [name, value] = await packHandshake(
      { store, signingKeys, now },
      query.format,
      directives,
    );
    redirect.searchParams.set(name, value);
    return new Response(null, {
      status: 307,
      headers: { Location: redirect.toString(), "Cache-Control": "no-store" },
    });
  },
});
