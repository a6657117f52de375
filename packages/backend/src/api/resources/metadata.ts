import { z } from "zod";

/** Zod schema of a metadata object: user data, keys kept exactly as stored. */
export const metadataSchema = z.record(z.string(), z.unknown());

/** Public, private or unsafe metadata: arbitrary JSON stored by the application. */
export type Metadata = Record<string, unknown>;
