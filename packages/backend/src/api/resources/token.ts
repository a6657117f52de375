import { z } from "zod";

/** Zod schema of a `token` answer, reduced to `{ jwt }` as `@clerk/backend` returns it. */
export const tokenSchema = z
  .looseObject({ jwt: z.string() })
  .transform((token): Token => ({ jwt: token.jwt }));

/** A session token minted by the Backend API. */
export interface Token {
  /** The signed JWT. */
  jwt: string;
}
