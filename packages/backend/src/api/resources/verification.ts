import { z } from "zod";

/** Zod schema of an identification's verification state, camelized. */
export const verificationSchema = z.looseObject({
  status: z.string(),
  strategy: z.string(),
  attempts: z.number().nullable().default(null),
  expireAt: z.number().nullable().default(null),
});

/** Verification state of an email address, phone number, wallet or external account. */
export type Verification = z.output<typeof verificationSchema>;

/** Zod schema of a link from an identification to the account that owns it. */
export const identificationLinkSchema = z.looseObject({ type: z.string(), id: z.string() });

/** Link from an identification to, for example, the OAuth account it came from. */
export type IdentificationLink = z.output<typeof identificationLinkSchema>;
