import type { z } from "zod";
import { type AnyRoute, defineRoute, type RouteContext } from "../../define-route.js";
import type { TokenAnswer } from "./token-answer.js";
import { tokenRequestBody } from "./token-request-body.js";

/**
 * Builds a Backend API token route: `POST` on `path` with the secret key, an optional
 * `expires_in_seconds`, answered `{ object: "token", jwt }` by `answer`.
 *
 * @example
 * tokenRoute("/v1/sessions/{session_id}/tokens", (c) => sessionTokenAnswer(c, c.params.session_id));
 */
export function tokenRoute<const Path extends string>(
  path: Path,
  answer: (
    context: RouteContext<Path, undefined, z.infer<typeof tokenRequestBody>>,
  ) => Promise<TokenAnswer>,
): AnyRoute {
  return defineRoute({
    method: "POST",
    path,
    auth: "secret_key",
    body: tokenRequestBody,
    handler: answer,
  });
}
