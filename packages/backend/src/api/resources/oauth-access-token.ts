import { z } from "zod";
import { metadataSchema } from "./metadata.js";

/** Zod schema of a Backend API `oauth_access_token` object, camelized. */
export const oauthAccessTokenSchema = z.looseObject({
  object: z.string(),
  externalAccountId: z.string(),
  providerUserId: z.string(),
  token: z.string(),
  expiresAt: z.number().nullable().optional(),
  provider: z.string(),
  publicMetadata: metadataSchema.default({}),
  label: z.string().nullable().default(null),
  scopes: z.array(z.string()).optional(),
  idToken: z.string().optional(),
  tokenSecret: z.string().optional(),
});

/** An OAuth provider access token of a user (camelCase). */
export type OauthAccessToken = z.output<typeof oauthAccessTokenSchema>;
