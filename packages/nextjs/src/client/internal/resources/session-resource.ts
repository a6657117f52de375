import type { PublicUserDataJson, SessionJson } from "./fapi-json.js";
import { type GetTokenOptions, type ResourceHost, toDate } from "./resource-host.js";
import type { UserResource } from "./user-resource.js";

/** Name and picture of the session's user, shown without loading the user. */
export interface PublicUserData {
  firstName: string | null;
  lastName: string | null;
  imageUrl: string;
  hasImage: boolean;
  identifier: string;
  userId: string | undefined;
}

/** A session of this browser's client (Clerk's `SessionResource`). */
export interface SessionResource {
  id: string;
  status: string;
  lastActiveAt: Date | null;
  expireAt: Date | null;
  abandonAt: Date | null;
  lastActiveOrganizationId: string | null;
  /** The token minted with the answer that produced this resource, when there was one. */
  lastActiveToken: { jwt: string } | null;
  factorVerificationAge: [number, number] | null;
  user: UserResource | null;
  publicUserData: PublicUserData;
  createdAt: Date | null;
  updatedAt: Date | null;
  /** A session token, or a template token with `{ template }`. */
  getToken(options?: GetTokenOptions): Promise<string | null>;
  /** Marks the session active now (refreshes `__session`). */
  touch(): Promise<SessionResource>;
  /** Signs this session out. */
  end(): Promise<SessionResource>;
  /** Removes this session from the client. */
  remove(): Promise<SessionResource>;
}

/** Converts `public_user_data`. */
export function publicUserData(json: PublicUserDataJson | null | undefined): PublicUserData {
  return {
    firstName: json?.first_name ?? null,
    lastName: json?.last_name ?? null,
    imageUrl: json?.image_url ?? "",
    hasImage: json?.has_image ?? false,
    identifier: json?.identifier ?? "",
    userId: json?.user_id,
  };
}

/**
 * Builds a {@link SessionResource} over the Frontend API.
 *
 * @throws (from its methods) `ClerkAPIResponseError` with the instance's codes (`signed_out`,
 *   `session_not_active`, `resource_not_found`…).
 * @example
 * const session = sessionResource(host, json, user, (id) => state.sessionById(id));
 * const jwt = await session.getToken();
 */
export function sessionResource(
  host: ResourceHost,
  json: SessionJson,
  user: UserResource | null,
  current: (sessionId: string, fallback: SessionJson) => SessionResource,
): SessionResource {
  const path = `/v1/client/sessions/${encodeURIComponent(json.id)}`;
  const after = (answer: SessionJson) => current(answer.id, answer);
  return {
    id: json.id,
    status: json.status,
    lastActiveAt: toDate(json.last_active_at),
    expireAt: toDate(json.expire_at),
    abandonAt: toDate(json.abandon_at),
    lastActiveOrganizationId: json.last_active_organization_id ?? null,
    lastActiveToken: json.last_active_token ? { jwt: json.last_active_token.jwt } : null,
    factorVerificationAge: json.factor_verification_age ?? null,
    user,
    publicUserData: publicUserData(json.public_user_data),
    createdAt: toDate(json.created_at),
    updatedAt: toDate(json.updated_at),
    getToken: (options) => host.getToken(json.id, options),
    touch: async () => after(await host.call<SessionJson>("POST", `${path}/touch`)),
    end: async () => after(await host.call<SessionJson>("POST", `${path}/end`)),
    remove: async () => after(await host.call<SessionJson>("POST", `${path}/remove`)),
  };
}
