import type { ClerkClient } from "@latchkey/backend";
import { resolveConfig } from "./internal/config/resolve-config.js";

/**
 * The `@latchkey/backend` client configured from the environment (`CLERK_SECRET_KEY`,
 * `CLERK_API_URL`…), read at call time. Clients are reused while the configuration is unchanged.
 *
 * @throws {LatchkeyNextjsError} `config-missing` / `config-invalid` naming the variable to fix.
 * @example
 * ```ts
 * import { clerkClient } from "@latchkey/nextjs/server";
 *
 * const client = await clerkClient();
 * const user = await client.users.getUser(userId);
 * ```
 */
export async function clerkClient(): Promise<ClerkClient> {
  return resolveConfig().client;
}
