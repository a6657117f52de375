import { z } from "zod";
import { metadataSchema } from "./metadata.js";

/** Zod schema of a Backend API `organization_invitation` object, camelized. */
export const organizationInvitationSchema = z.looseObject({
  id: z.string(),
  object: z.string(),
  emailAddress: z.string(),
  role: z.string(),
  roleName: z.string().optional(),
  organizationId: z.string().optional(),
  inviterId: z.string().nullable().optional(),
  status: z.string().optional(),
  publicMetadata: metadataSchema.default({}),
  privateMetadata: metadataSchema.default({}),
  url: z.string().nullable().optional(),
  expiresAt: z.number().nullable().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** An invitation to join an organization (camelCase; metadata verbatim). */
export type OrganizationInvitation = z.output<typeof organizationInvitationSchema>;

/** Status of an organization invitation. */
export type OrganizationInvitationStatus = "pending" | "accepted" | "revoked" | "expired";
