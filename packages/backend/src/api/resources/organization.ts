import { z } from "zod";
import { metadataSchema } from "./metadata.js";

/** Zod schema of a Backend API `organization` object, camelized (metadata verbatim). */
export const organizationSchema = z.looseObject({
  id: z.string(),
  object: z.string(),
  name: z.string(),
  slug: z.string(),
  imageUrl: z.string().optional(),
  hasImage: z.boolean().default(false),
  membersCount: z.number().optional(),
  pendingInvitationsCount: z.number().optional(),
  maxAllowedMemberships: z.number(),
  adminDeleteEnabled: z.boolean().default(false),
  publicMetadata: metadataSchema.default({}),
  privateMetadata: metadataSchema.default({}),
  createdBy: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** An organization, as the Backend API returns it (camelCase; metadata verbatim). */
export type Organization = z.output<typeof organizationSchema>;
