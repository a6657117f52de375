import { apiPath } from "./internal/api-path.js";
import type { BackendApiRequest } from "./request.js";
import { type Client, clientSchema } from "./resources/client.js";

/** The `clients` resource of the Backend API client. */
export interface ClientsApi {
  /** Fetches one client (a browser or device) and its sessions. */
  getClient(clientId: string): Promise<Client>;
}

/**
 * Creates the `clients` resource over a request function.
 *
 * @throws BackendError `invalid-resource-id` for an empty id; plus the codes of {@link BackendApiRequest}.
 * @example
 * ```ts
 * const client = await createClientsApi(request).getClient("client_123");
 * ```
 */
export function createClientsApi(request: BackendApiRequest): ClientsApi {
  return {
    getClient: async (clientId) =>
      request({ method: "GET", path: apiPath`/clients/${clientId}`, schema: clientSchema }),
  };
}
