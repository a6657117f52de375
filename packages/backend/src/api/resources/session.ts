import { z } from "zod";

/** Zod schema of a Backend API `session` object, camelized (`actor` verbatim). */
export const sessionSchema = z.looseObject({
  id: z.string(),
  object: z.string(),
  userId: z.string(),
  clientId: z.string(),
  actor: z.record(z.string(), z.unknown()).nullable().default(null),
  status: z.string(),
  lastActiveOrganizationId: z.string().nullable().default(null),
  lastActiveAt: z.number(),
  latestActivity: z.looseObject({ id: z.string().optional() }).nullable().optional(),
  expireAt: z.number(),
  abandonAt: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** A session, as the Backend API returns it (camelCase). */
export type Session = z.output<typeof sessionSchema>;
