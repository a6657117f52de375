import { z } from "zod";
import { identificationLinkSchema, verificationSchema } from "./verification.js";

/** Zod schema of a Backend API `email_address` object, camelized. */
export const emailAddressSchema = z.looseObject({
  id: z.string(),
  object: z.string(),
  emailAddress: z.string(),
  reserved: z.boolean().default(false),
  verification: verificationSchema.nullable().default(null),
  linkedTo: z.array(identificationLinkSchema).default([]),
  matchesSsoConnection: z.boolean().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** An email address of a user, as the Backend API returns it (camelCase). */
export type EmailAddress = z.output<typeof emailAddressSchema>;
