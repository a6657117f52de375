import { randomBytes } from "node:crypto";
import { SECRET_KEY_PATTERN } from "../http/secret-key-auth.js";
import type { InstanceConfigStore } from "../store/instance-config-store.js";

const SECRET_KEY_NAME = "secret_key";

/** Thrown at startup when a given secret key cannot be used. */
export class InstanceConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InstanceConfigError";
  }
}

/**
 * The instance's secret key: `given` when set (and then stored, if none was), else the one made on
 * first start (`sk_live_…` for a production instance, `sk_test_…` otherwise) and kept in the database. A given key that differs from the stored one wins for this
 * process (so `CLERK_SECRET_KEY` can pin it) without overwriting the stored one.
 *
 * @throws InstanceConfigError when `given` is not shaped like `sk_test_…`/`sk_live_…`
 * @example
 * const secretKey = await ensureInstanceSecretKey(store, process.env.CLERK_SECRET_KEY);
 */
export async function ensureInstanceSecretKey(
  store: InstanceConfigStore,
  given?: string,
  instanceType: "development" | "production" = "development",
): Promise<string> {
  if (given !== undefined && given !== "") {
    if (!SECRET_KEY_PATTERN.test(given)) {
      throw new InstanceConfigError(
        "CLERK_SECRET_KEY must look like sk_test_… or sk_live_… (letters, digits, _-+/= after the prefix, at least 8).",
      );
    }
    await store.putInstanceValueIfAbsent(SECRET_KEY_NAME, given);
    return given;
  }
  return store.putInstanceValueIfAbsent(
    SECRET_KEY_NAME,
    `sk_${instanceType === "production" ? "live" : "test"}_${randomBytes(30).toString("base64url")}`,
  );
}
