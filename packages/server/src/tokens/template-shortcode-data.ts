import type { SessionRecord } from "../store/session-store.js";
import type { UserRecord } from "../store/store.js";

/** The session's active organization, as template shortcodes (`{{org.*}}`) see it. */
export interface TemplateOrganization {
  id: string;
  name: string;
  slug: string | null;
  /** Role key (`org:admin`). */
  role: string;
  imageUrl?: string | null;
  publicMetadata?: Record<string, unknown>;
  permissions?: readonly string[];
}

/** Input of {@link templateShortcodeData}. */
export interface TemplateShortcodeInput {
  user: UserRecord;
  session: SessionRecord;
  organization?: TemplateOrganization | null;
  /** The user's profile image URL, as the user object answers it; null without an image. */
  userImageUrl?: string | null;
}

const seconds = (ms: number | null): number | null => (ms === null ? null : Math.floor(ms / 1000));

/**
 * Builds the data template shortcodes read: `user.*` (id, external_id, first/last/full name,
 * username, primary_email_address, primary_phone_address, email_verified, phone_number_verified,
 * image_url, has_image, two_factor_enabled, public/unsafe metadata, created_at/updated_at/
 * last_sign_in_at in Unix seconds), `org.*` (id, name, slug, role, image_url, public_metadata,
 * permissions) when the session has an active organization, and `session.*` (id, actor).
 * Private metadata is never exposed.
 *
 * @example
 * renderTemplateClaims(template.claims, templateShortcodeData({ user, session }));
 */
export function templateShortcodeData(input: TemplateShortcodeInput): Record<string, unknown> {
  const { user, session, organization } = input;
  const email = user.emailAddresses.find((e) => e.id === user.primaryEmailAddressId) ?? null;
  const phone = user.phoneNumbers.find((p) => p.id === user.primaryPhoneNumberId) ?? null;
  const fullName = [user.firstName, user.lastName].filter((part) => part).join(" ");
  const data: Record<string, unknown> = {
    user: {
      id: user.id,
      external_id: user.externalId,
      first_name: user.firstName,
      last_name: user.lastName,
      full_name: fullName === "" ? null : fullName,
      username: user.username,
      primary_email_address: email?.emailAddress ?? null,
      primary_email_address_id: user.primaryEmailAddressId,
      email_verified: email?.verification?.status === "verified",
      primary_phone_address: phone?.phoneNumber ?? null,
      primary_phone_number: phone?.phoneNumber ?? null,
      primary_phone_number_id: user.primaryPhoneNumberId,
      phone_number_verified: phone?.verification?.status === "verified",
      image_url: input.userImageUrl ?? null,
      profile_image_url: input.userImageUrl ?? null,
      has_image: user.imageId !== null,
      two_factor_enabled: user.totpEnabled,
      public_metadata: user.publicMetadata,
      unsafe_metadata: user.unsafeMetadata,
      created_at: seconds(user.createdAt),
      updated_at: seconds(user.updatedAt),
      last_sign_in_at: seconds(user.lastSignInAt),
    },
    session: { id: session.id, actor: session.actor },
  };
  if (organization) {
    data.org = {
      id: organization.id,
      name: organization.name,
      slug: organization.slug,
      role: organization.role,
      image_url: organization.imageUrl ?? null,
      public_metadata: organization.publicMetadata ?? {},
      permissions: organization.permissions ? [...organization.permissions] : [],
    };
  }
  return data;
}
