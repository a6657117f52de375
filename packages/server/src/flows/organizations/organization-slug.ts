/** What an organization slug may look like: lowercase letters, digits and dashes. */
export const ORGANIZATION_SLUG_PATTERN = /^[a-z0-9-]+$/;

/** Longest accepted slug. */
export const MAX_SLUG_LENGTH = 256;

/**
 * Derives a slug from an organization name: accents dropped, lowercase, every run of other
 * characters turned into one dash, no dash at either end. Falls back to `organization` when
 * nothing is left.
 *
 * @example
 * slugFromName("Ça va, Acme Corp!"); // "ca-va-acme-corp"
 */
export function slugFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH - 8)
    .replace(/-+$/g, "");
  return slug === "" ? "organization" : slug;
}

/** True when `slug` is acceptable as given by a client. */
export function isValidOrganizationSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && ORGANIZATION_SLUG_PATTERN.test(slug);
}
