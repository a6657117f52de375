import type { BackendApiRequest } from "./request.js";
import { type Jwks, jwksSchema } from "./resources/jwks.js";

/** The `jwks` resource of the Backend API client. */
export interface JwksApi {
  /** Fetches the instance's public JSON Web Key Set (`@clerk/backend` name). */
  getJwks(): Promise<Jwks>;
  /** Same as `getJwks`, spelled as the OpenAPI operation. */
  getJWKS(): Promise<Jwks>;
}

/**
 * Creates the `jwks` resource over a request function.
 *
 * @throws The codes of {@link BackendApiRequest}.
 * @example
 * ```ts
 * const { keys } = await createJwksApi(request).getJwks();
 * ```
 */
export function createJwksApi(request: BackendApiRequest): JwksApi {
  const getJwks = async () => request({ method: "GET", path: "/jwks", schema: jwksSchema });
  return { getJwks, getJWKS: getJwks };
}
