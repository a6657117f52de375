import { createHmac } from "node:crypto";
import {
  FORWARDED_CLIENT_HEADER,
  forwardedClientMessage,
} from "../src/http/frontend-api/forwarded-client.js";
import { TEST_SECRET_KEY } from "./test-instance.js";

/**
 * The header an app's Frontend API proxy sends to say who its caller was, signed as
 * `@latchkey/nextjs` signs it (for tests that spread requests over addresses).
 *
 * @example
 * headers: forwardedClientHeader("203.0.113.7", { nowMs: instance.clock.now() })
 */
export function forwardedClientHeader(
  address: string,
  options: { nowMs: number; proto?: "http" | "https"; secretKey?: string },
): Record<string, string> {
  const seconds = String(Math.floor(options.nowMs / 1000));
  const proto = options.proto ?? "http";
  const mac = createHmac("sha256", options.secretKey ?? TEST_SECRET_KEY)
    .update(forwardedClientMessage(seconds, proto, address), "utf8")
    .digest("base64url");
  return { [FORWARDED_CLIENT_HEADER]: `v1;${seconds};${proto};${address};${mac}` };
}
