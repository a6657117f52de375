import { RATE_LIMIT_CLASSES } from "../../rate-limits/rate-limit-classes.js";
import { rateLimitError } from "../../rate-limits/rate-limit-error.js";
import type { AnyRoute, ClientRouteContext } from "../define-route.js";

/**
 * Counts a request against the rate limits its route declares (`rateLimits`), in order: for each,
 * the class's per-IP rule (the address the client-address middleware resolved) and then its
 * per-identifier rule; the first exhausted rule refuses the request. A missing identifier (none
 * yet) skips that rule; identifiers are trimmed and compared case-insensitively. Routes without
 * rate limits pass untouched.
 *
 * @throws `too_many_requests` (429, `Retry-After`); an error the route's `identifier` threw
 * @example
 * await enforceRateLimits(route, context);
 * const result = await route.handler(context);
 */
export async function enforceRateLimits(
  route: AnyRoute,
  context: ClientRouteContext<string, unknown, unknown> & { loaded: unknown },
): Promise<void> {
  const { frontend } = context;
  for (const limit of route.rateLimits ?? []) {
    const identifier = await limit.identifier(context);
    if (identifier === false) continue;
    const [ipRule, identifierRule] = RATE_LIMIT_CLASSES[limit.class];
    for (const [rule, key] of [
      [ipRule, frontend.clientIp],
      [identifierRule, identifier],
    ] as const) {
      if (key === null || key === undefined || key === "") continue;
      const verdict = await frontend.rateLimiter.consume(rule, key.trim().toLowerCase());
      if (!verdict.allowed) throw rateLimitError(verdict.retryAfterSeconds);
    }
  }
}
