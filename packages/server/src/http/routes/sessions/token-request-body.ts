import { z } from "zod";

/** Body of the token routes: an optional lifetime override, 30 s to 10 years. */
export const tokenRequestBody = z.strictObject({
  expires_in_seconds: z.number().int().min(30).max(315_360_000).nullish(),
});
