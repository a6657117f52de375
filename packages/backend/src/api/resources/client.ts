import { z } from "zod";
import { sessionSchema } from "./session.js";

/** Zod schema of a Backend API `client` object, camelized. */
export const clientSchema = z.looseObject({
  id: z.string(),
  object: z.string(),
  sessionIds: z.array(z.string()).default([]),
  sessions: z.array(sessionSchema).default([]),
  signInId: z.string().nullable().default(null),
  signUpId: z.string().nullable().default(null),
  lastActiveSessionId: z.string().nullable().default(null),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** A client (one browser or device) and its sessions (camelCase). */
export type Client = z.output<typeof clientSchema>;
