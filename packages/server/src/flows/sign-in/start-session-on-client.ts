import type { InstanceSettings } from "../../instance-settings.js";
import type { SessionRecord } from "../../store/session-store.js";
import type { Store } from "../../store/store.js";
import { createSession } from "../sessions/create-session.js";

/** How a sign-in or sign-up signs its user in on the requesting client. */
export interface ClientSessionContext {
  /** The store of the flow's transaction. */
  store: Store;
  now: number;
  settings: Pick<InstanceSettings, "sessionLifetimeSeconds" | "sessionAbandonSeconds">;
  /**
   * Digest of a fresh client token that replaces the client's own, so a token planted before
   * sign-in is worthless after it. The caller hands the token out once the flow has committed.
   */
  clientTokenHash: string;
}

/** The session to start. */
export interface NewClientSession {
  userId: string;
  clientId: string;
  /** Recorded on the client as `last_authentication_strategy`. */
  strategy: string;
  firstFactorVerifiedAt?: number;
  secondFactorVerifiedAt?: number | null;
}

/**
 * Signs a user in on a client, in the caller's transaction: the client's token is replaced and a
 * session is created (`session.created`).
 *
 * @throws `resource_not_found` when the client or user is gone
 * @example
 * const session = await startSessionOnClient(context, { userId, clientId, strategy: "password" });
 */
export async function startSessionOnClient(
  context: ClientSessionContext,
  input: NewClientSession,
): Promise<SessionRecord> {
  const { store, now, settings } = context;
  await store.rotateClientToken(input.clientId, context.clientTokenHash);
  return createSession(store, {
    userId: input.userId,
    clientId: input.clientId,
    expireAt: now + settings.sessionLifetimeSeconds * 1000,
    abandonAt: now + settings.sessionAbandonSeconds * 1000,
    authenticationStrategy: input.strategy,
    ...(input.firstFactorVerifiedAt === undefined
      ? {}
      : { firstFactorVerifiedAt: input.firstFactorVerifiedAt }),
    secondFactorVerifiedAt: input.secondFactorVerifiedAt ?? null,
  }).then((result) => result.session);
}
