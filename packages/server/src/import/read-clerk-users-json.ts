import { z } from "zod";
import { ClerkImportError } from "./clerk-import-error.js";

const verification = z.looseObject({ status: z.string().nullish() }).nullish();

const EMAIL_ADDRESS = z.looseObject({
  id: z.string().optional(),
  email_address: z.string(),
  verification,
});

const PHONE_NUMBER = z.looseObject({
  id: z.string().optional(),
  phone_number: z.string(),
  verification,
});

const metadata = z.record(z.string(), z.unknown()).nullish();

/** The fields of Clerk's `User` object (`GET /v1/users`) the import reads; others are ignored. */
const CLERK_USER = z.looseObject({
  id: z.string(),
  external_id: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  username: z.string().nullish(),
  public_metadata: metadata,
  private_metadata: metadata,
  unsafe_metadata: metadata,
  banned: z.boolean().nullish(),
  locked: z.boolean().nullish(),
  legal_accepted_at: z.number().nullish(),
  created_at: z.number().nullish(),
  primary_email_address_id: z.string().nullish(),
  primary_phone_number_id: z.string().nullish(),
  email_addresses: z.array(EMAIL_ADDRESS).nullish(),
  phone_numbers: z.array(PHONE_NUMBER).nullish(),
});

/** A Clerk `User` as read from the CLI / Backend API export. */
export type ClerkJsonUser = z.infer<typeof CLERK_USER>;

/**
 * Reads the CLI / Backend API export: a JSON array of Clerk `User` objects as `GET /v1/users`
 * answers them (or `{ "data": [...] }`), keyed by user id.
 *
 * @throws ClerkImportError `json_unreadable` when the text is not JSON or an entry is not a user
 *   (the message names the entry's index).
 * @example
 * const users = readClerkUsersJson(await readFile("users.json", "utf8"), "users.json");
 */
export function readClerkUsersJson(
  text: string,
  fileName = "the JSON export",
): Map<string, ClerkJsonUser> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ClerkImportError("json_unreadable", `${fileName} is not JSON.`, { cause: error });
  }
  const list =
    parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) && "data" in parsed
      ? (parsed as { data: unknown }).data
      : parsed;
  if (!Array.isArray(list)) {
    throw new ClerkImportError("json_unreadable", `${fileName} is not an array of Clerk users.`);
  }
  return parseClerkUsers(list, fileName);
}

/**
 * Checks a list of Clerk `User` objects (from the JSON export or `GET /v1/users`) and keys them by
 * id; fields the import does not read are ignored.
 *
 * @throws ClerkImportError `json_unreadable` when an entry is not a user (its index named)
 * @example
 * const users = parseClerkUsers(await api.list("/users"), "Clerk's Backend API");
 */
export function parseClerkUsers(
  list: readonly unknown[],
  source: string,
): Map<string, ClerkJsonUser> {
  const users = new Map<string, ClerkJsonUser>();
  list.forEach((entry, index) => {
    const result = CLERK_USER.safeParse(entry);
    if (!result.success) {
      const path = result.error.issues[0]?.path.join(".") ?? "";
      throw new ClerkImportError(
        "json_unreadable",
        `${source}: entry ${index} is not a Clerk user (${path || "its shape"}).`,
      );
    }
    users.set(result.data.id, result.data);
  });
  return users;
}
