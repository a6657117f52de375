import { z } from "zod";

/** Zod schema of a Backend API `jwt_template` object, camelized (`claims` verbatim). */
export const jwtTemplateSchema = z.looseObject({
  id: z.string(),
  object: z.string(),
  name: z.string(),
  claims: z.record(z.string(), z.unknown()),
  lifetime: z.number(),
  allowedClockSkew: z.number(),
  customSigningKey: z.boolean().default(false),
  signingAlgorithm: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** A JWT template, as the Backend API returns it (camelCase; claims verbatim). */
export type JwtTemplate = z.output<typeof jwtTemplateSchema>;
