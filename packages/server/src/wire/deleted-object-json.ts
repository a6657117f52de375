/**
 * Clerk's `DeletedObject` answer and `*.deleted` event data: `{ object, id, deleted: true }`, plus
 * `external_id` / `slug` when the deleted resource had one.
 *
 * @example
 * deletedObjectJson("user", "user_123"); // { object: "user", id: "user_123", deleted: true }
 */
export function deletedObjectJson(
  object: string,
  id: string,
  extra: { externalId?: string | null; slug?: string | null } = {},
) {
  return {
    object,
    id,
    deleted: true as const,
    ...(extra.externalId ? { external_id: extra.externalId } : {}),
    ...(extra.slug ? { slug: extra.slug } : {}),
  };
}
