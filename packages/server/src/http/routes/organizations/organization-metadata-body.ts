import { z } from "zod";
import { metadataSchema } from "./list-params.js";

/** Body of the metadata endpoints (organizations and memberships). */
export const organizationMetadataBody = z.strictObject({
  public_metadata: metadataSchema().optional(),
  private_metadata: metadataSchema().optional(),
});

/** The store's metadata update for a parsed {@link organizationMetadataBody}. */
export function metadataUpdate(body: z.infer<typeof organizationMetadataBody>) {
  return {
    ...(body.public_metadata === undefined ? {} : { publicMetadata: body.public_metadata }),
    ...(body.private_metadata === undefined ? {} : { privateMetadata: body.private_metadata }),
  };
}
