import { z } from "zod";
import { metadataSchema } from "./metadata.js";

/** Zod schema of a Backend API `invitation` object (application invitation), camelized. */
export const invitationSchema = z.looseObject({
  id: z.string(),
  object: z.string(),
  emailAddress: z.string(),
  publicMetadata: metadataSchema.default({}),
  revoked: z.boolean().optional(),
  status: z.string(),
  url: z.string().optional(),
  expiresAt: z.number().nullable().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** An invitation to sign up to the application (camelCase; metadata verbatim). */
export type Invitation = z.output<typeof invitationSchema>;
