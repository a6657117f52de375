import { z } from "zod";
import { ApiError } from "../../../errors/api-error.js";
import { hashPassword } from "../../../passwords/hash-password.js";
import { needsRehash } from "../../../passwords/needs-rehash.js";
import { verifyPassword } from "../../../passwords/verify-password.js";
import { defineRoute } from "../../define-route.js";
import { requireUser } from "./user-answer.js";

/**
 * `POST /v1/users/{user_id}/verify_password`: `{ verified: true }`, or `password_not_set` (400) /
 * `form_password_incorrect` (422). After a correct check of a digest that is not current
 * argon2id (imports), the password is rehashed with argon2id.
 */
export const verifyPasswordRoute = defineRoute({
  method: "POST",
  path: "/v1/users/{user_id}/verify_password",
  auth: "secret_key",
  body: z.strictObject({ password: z.string() }),
  handler: async ({ body, params, store, logger }) => {
    await requireUser(store, params.user_id);
    const credential = await store.getPasswordCredential(params.user_id);
    if (credential === null) throw new ApiError("password_not_set");
    if (!(await verifyPassword(credential, body.password))) {
      throw new ApiError("form_password_incorrect", { paramName: "password" });
    }
    if (needsRehash(credential)) {
      const upgraded = await hashPassword(body.password);
      const replaced = await store.rehashPassword(params.user_id, credential.digest, upgraded);
      if (replaced) {
        logger.info("password rehashed", { userId: params.user_id, from: credential.hasher });
      }
    }
    return { verified: true };
  },
});
