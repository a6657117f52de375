import type { z } from "zod";
import type { BackendApiRequest } from "../request.js";
import { hasDefinedValue } from "./has-defined-value.js";

/** How a resource that carries metadata (a user, an organization, a membership) is written. */
export interface MetadataWrites<T> {
  /**
   * `PATCH {path}` with the attributes. Metadata given too (deprecated, as in `@clerk/backend`)
   * replaces the stored objects through `PUT {path}/metadata`, after the PATCH (skipped when no
   * attribute is set); the answer is then the PUT's.
   */
  update(path: string, attributes: object, metadata: object): Promise<T>;
  /** `PATCH {path}/metadata`: deep-merges; `null` deletes a key. */
  merge(path: string, metadata: object): Promise<T>;
  /** `PUT {path}/metadata`: replaces the given metadata objects as a whole. */
  replace(path: string, metadata: object): Promise<T>;
}

/**
 * The writes of one kind of resource with metadata, each answer checked against `schema`.
 *
 * @param path (to each write) the resource's path, ids already encoded (see `apiPath`).
 * @throws the codes of {@link BackendApiRequest} (from each write).
 * @example
 * ```ts
 * const writes = metadataWrites(request, userSchema);
 * await writes.merge(apiPath`/users/${userId}`, { publicMetadata: { plan: "pro" } });
 * ```
 */
export function metadataWrites<T>(
  request: BackendApiRequest,
  schema: z.ZodType<T>,
): MetadataWrites<T> {
  const write = (method: "PATCH" | "PUT", path: string, body: object) =>
    request({ method, path, body, schema });
  return {
    async update(path, attributes, metadata) {
      if (!hasDefinedValue(metadata)) return write("PATCH", path, attributes);
      if (hasDefinedValue(attributes)) await write("PATCH", path, attributes);
      return write("PUT", `${path}/metadata`, metadata);
    },
    merge: async (path, metadata) => write("PATCH", `${path}/metadata`, metadata),
    replace: async (path, metadata) => write("PUT", `${path}/metadata`, metadata),
  };
}
