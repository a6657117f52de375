import { type ClerkClient, createClerkClient } from "@latchkey/backend";
import { resolveConfig } from "./internal/config/resolve-config.js";

/**
 * `clerkClient` in both of Clerk's spellings: call it (`await clerkClient()`, today's docs) for the
 * configured `@latchkey/backend` client, or use the client's members on it directly
 * (`clerkClient.users.getUser(id)`, older docs).
 */
export interface CallableClerkClient extends ClerkClient {
  /** The client configured from the environment, read now. */
  (): Promise<ClerkClient>;
}

type ClientKey = keyof ClerkClient;
type AnyMethod = (...args: unknown[]) => unknown;

/** The configured client, from the environment as it is now (made once per configuration). */
function currentClient(): ClerkClient {
  return resolveConfig().client;
}

/**
 * Calls a method of the current client, so that a configuration error (a missing
 * `CLERK_SECRET_KEY`…) rejects the call's promise, as it rejects `clerkClient()`'s.
 */
function callCurrent(key: ClientKey, method: string | null, args: unknown[]): unknown {
  try {
    const member = currentClient()[key] as unknown as Record<string, AnyMethod> | AnyMethod;
    if (method === null) return (member as AnyMethod)(...args);
    const owner = member as Record<string, AnyMethod>;
    return owner[method]?.apply(owner, args);
  } catch (err) {
    return Promise.reject(err);
  }
}

// A client made without configuration, read only for the names of its members; it reads no
// environment and is never called.
let shape: ClerkClient | undefined;
const views = new Map<ClientKey, unknown>();

/** What `clerkClient.<key>` reads: the member, forwarding each call to the current client's. */
function memberView(key: ClientKey): unknown {
  let view = views.get(key);
  if (view === undefined) {
    shape ??= createClerkClient();
    const member: unknown = shape[key];
    if (typeof member === "function") {
      view = (...args: unknown[]) => callCurrent(key, null, args);
    } else {
      view = Object.fromEntries(
        Object.keys(member as object).map((method) => [
          method,
          (...args: unknown[]) => callCurrent(key, method, args),
        ]),
      );
    }
    views.set(key, view);
  }
  return view;
}

async function configuredClient(): Promise<ClerkClient> {
  return currentClient();
}

// Every member of the client, once: the type fails to compile when the backend's client gains a
// member missing here.
const CLIENT_MEMBERS: Record<ClientKey, true> = {
  users: true,
  emailAddresses: true,
  phoneNumbers: true,
  sessions: true,
  jwtTemplates: true,
  organizations: true,
  invitations: true,
  clients: true,
  jwks: true,
  authenticateRequest: true,
};

/**
 * The `@latchkey/backend` client configured from the environment (`CLERK_SECRET_KEY`,
 * `CLERK_API_URL`…), read when it is used, never at import. Call it for the client, or use its
 * members directly; both reach the same client, reused while the configuration is unchanged.
 *
 * @throws {LatchkeyNextjsError} `config-missing` / `config-invalid` naming the variable to fix:
 *   as the rejection of `clerkClient()`, or of the method called in the object form.
 * @example
 * ```ts
 * import { clerkClient } from "@latchkey/nextjs/server";
 *
 * const client = await clerkClient();
 * const user = await client.users.getUser(userId);
 * // Older Clerk docs' spelling, the same client:
 * const same = await clerkClient.users.getUser(userId);
 * ```
 */
export const clerkClient: CallableClerkClient = Object.defineProperties(
  configuredClient,
  Object.fromEntries(
    (Object.keys(CLIENT_MEMBERS) as ClientKey[]).map((key) => [
      key,
      { get: () => memberView(key), enumerable: true },
    ]),
  ),
) as CallableClerkClient;
