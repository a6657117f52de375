import { z } from "zod";

const jwkSchema = z.looseObject({
  kty: z.string(),
  kid: z.string().optional(),
  alg: z.string().optional(),
  use: z.string().optional(),
  n: z.string().optional(),
  e: z.string().optional(),
});

/** One public JSON Web Key of the instance. */
export type Jwk = z.output<typeof jwkSchema>;

/** Zod schema of the instance's JSON Web Key Set. */
export const jwksSchema = z.looseObject({ keys: z.array(jwkSchema).default([]) });

/** The instance's JSON Web Key Set, as `GET /v1/jwks` returns it. */
export type Jwks = z.output<typeof jwksSchema>;
