import { z } from "zod";

/** Zod schema of the answer to a delete, camelized. */
export const deletedObjectSchema = z.looseObject({
  object: z.string(),
  id: z.string().optional(),
  slug: z.string().optional(),
  deleted: z.boolean(),
  externalId: z.string().optional(),
});

/** The answer to a delete: which object is gone. */
export type DeletedObject = z.output<typeof deletedObjectSchema>;
