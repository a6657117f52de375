import { z } from "zod";
import { currentProviderToken } from "../../../flows/oauth/current-provider-token.js";
import { defineRoute } from "../../define-route.js";
import { listAnswer, pageQuery } from "../../list-answer.js";
import { requireUser } from "./user-answer.js";

/**
 * `GET /v1/users/{user_id}/oauth_access_tokens/{provider}`: the user's access tokens at a
 * provider (`oauth_google` or `google`), one per linked account, each refreshed first when it
 * has expired (`currentProviderToken`). `expires_at` is in Unix seconds. A list (`[]` when none;
 * `{ data, total_count }` with `paginated=true`).
 *
 * @throws `resource_not_found` (404, `user_id`); `oauth_token_unavailable` (422) when a token
 *   expired and could not be refreshed
 */
export const getOAuthAccessTokensRoute = defineRoute({
  method: "GET",
  path: "/v1/users/{user_id}/oauth_access_tokens/{provider}",
  auth: "secret_key",
  query: z.object(pageQuery),
  handler: async ({ params, query, store, oauth, clock }) => {
    const user = await requireUser(store, params.user_id);
    const strategy = params.provider.startsWith("oauth_")
      ? params.provider
      : `oauth_${params.provider}`;
    const tokens = [];
    for (const account of user.externalAccounts.filter((a) => a.strategy === strategy)) {
      const current = await currentProviderToken({ store, oauth, now: clock.now() }, account);
      if (current === null) continue;
      tokens.push({
        object: "oauth_access_token" as const,
        external_account_id: account.id,
        provider_user_id: account.providerUserId,
        token: current.token,
        expires_at: current.expiresAt === null ? null : Math.floor(current.expiresAt / 1000),
        provider: strategy,
        public_metadata: account.publicMetadata,
        label: null,
        scopes: current.scopes,
      });
    }
    const offset = query.offset ?? 0;
    const page = tokens.slice(offset, offset + (query.limit ?? tokens.length));
    return listAnswer(page, query.paginated, tokens.length);
  },
});
