import type { InstanceSettings } from "../../instance-settings.js";
import type { SessionRecord } from "../../store/session-store.js";
import type { Store } from "../../store/store.js";
import { mintSessionToken } from "../../tokens/mint-session-token.js";
import type { SigningKeyRing } from "../../tokens/signing-key-ring.js";
import { tokenRequestContext } from "../../tokens/token-request-context.js";
import { activeOrganizationOf } from "./active-organization-of.js";

/** What minting a token for a request needs: the instance's services, its URL and the request. */
export interface TokenRequestServices {
  store: Store;
  signingKeys: SigningKeyRing;
  settings: InstanceSettings;
  baseUrl: string;
  request: Request;
}

/**
 * Mints a session token for a session a request asked about: `iss` from the instance's Frontend
 * API URL, `azp` from the request's `Origin`, and the session's active organization (`o`) as it
 * stands now. Checks nothing about the session; callers refuse inactive ones first.
 *
 * @example
 * const { session } = await requireActiveSession(store, params.session_id, now);
 * const jwt = await mintSessionTokenForRequest(context, session, { now, lifetimeSeconds: 60 });
 */
export async function mintSessionTokenForRequest(
  services: TokenRequestServices,
  session: SessionRecord,
  options: {
    now: number;
    lifetimeSeconds: number;
    /** The `azp` to use instead of the request's `Origin` (a handshake names the app's origin). */
    authorizedParty?: string;
  },
): Promise<string> {
  const { store, settings, signingKeys, baseUrl, request } = services;
  const context = tokenRequestContext(settings, baseUrl, request);
  const { issuer } = context;
  const authorizedParty = options.authorizedParty ?? context.authorizedParty;
  const organization = await activeOrganizationOf(store, session);
  return mintSessionToken(signingKeys, {
    session,
    issuer,
    authorizedParty,
    now: options.now,
    lifetimeSeconds: options.lifetimeSeconds,
    organization,
  });
}
