import { z } from "zod";
import { metadataSchema } from "./metadata.js";
import { organizationSchema } from "./organization.js";

const publicUserDataSchema = z.looseObject({
  userId: z.string(),
  firstName: z.string().nullable().default(null),
  lastName: z.string().nullable().default(null),
  imageUrl: z.string().default(""),
  hasImage: z.boolean().default(false),
  identifier: z.string().nullable().default(null),
  username: z.string().nullable().optional(),
});

/** Public data of the member user embedded in a membership (camelCase). */
export type OrganizationMembershipPublicUserData = z.output<typeof publicUserDataSchema>;

/** Zod schema of a Backend API `organization_membership` object, camelized. */
export const organizationMembershipSchema = z.looseObject({
  id: z.string(),
  object: z.string(),
  role: z.string(),
  roleName: z.string().optional(),
  permissions: z.array(z.string()).default([]),
  publicMetadata: metadataSchema.default({}),
  privateMetadata: metadataSchema.default({}),
  organization: organizationSchema,
  publicUserData: publicUserDataSchema.optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** A user's membership in an organization (camelCase; metadata verbatim). */
export type OrganizationMembership = z.output<typeof organizationMembershipSchema>;
