import { createHmac } from "node:crypto";
import { webhookSecretKey } from "./webhook-secret.js";

/**
 * Signs a webhook the Standard Webhooks / Svix way: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`
 * keyed with the bytes of each secret's base64 part. Several secrets (during a rotation) give a
 * space-separated list, the form `svix-signature` carries.
 *
 * @throws ApiError `form_param_format_invalid` when a secret is malformed
 * @example
 * const signature = signWebhook({ id: "msg_1", timestamp: 1767225600, body, secrets: [secret] });
 */
export function signWebhook(input: {
  id: string;
  /** Seconds since the epoch. */
  timestamp: number;
  body: string;
  secrets: readonly string[];
}): string {
  const content = `${input.id}.${input.timestamp}.${input.body}`;
  return input.secrets
    .map(
      (secret) =>
        `v1,${createHmac("sha256", webhookSecretKey(secret)).update(content, "utf8").digest("base64")}`,
    )
    .join(" ");
}
