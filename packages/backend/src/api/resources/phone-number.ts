import { z } from "zod";
import { identificationLinkSchema, verificationSchema } from "./verification.js";

/** Zod schema of a Backend API `phone_number` object, camelized. */
export const phoneNumberSchema = z.looseObject({
  id: z.string(),
  object: z.string(),
  phoneNumber: z.string(),
  reservedForSecondFactor: z.boolean().default(false),
  defaultSecondFactor: z.boolean().default(false),
  reserved: z.boolean().default(false),
  verification: verificationSchema.nullable().default(null),
  linkedTo: z.array(identificationLinkSchema).default([]),
  backupCodes: z.array(z.string()).nullable().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** A phone number of a user, as the Backend API returns it (camelCase). */
export type PhoneNumber = z.output<typeof phoneNumberSchema>;
