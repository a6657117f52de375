import { LatchkeyClientError } from "../../latchkey-client-error.js";
import {
  type ExternalAccountResource,
  externalAccountResource,
} from "./external-account-resource.js";
import type { EmailAddressJson, UserJson } from "./fapi-json.js";
import {
  type OrganizationMembershipResource,
  organizationMembershipResource,
} from "./organization-resource.js";
import { type ResourceHost, snakeParams, toDate } from "./resource-host.js";

/** An email address of the user. */
export interface EmailAddressResource {
  id: string;
  emailAddress: string;
  verification: { status: string; strategy: string } | null;
  toString(): string;
}

/** Fields `user.update()` changes (`PATCH /v1/me`). */
export interface UpdateUserParams {
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  primaryEmailAddressId?: string;
}

/** The signed-in user (Clerk's `UserResource`: the fields apps read, `update()`, `reload()`). */
export interface UserResource {
  id: string;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  /** First and last name joined, or null when both are empty. */
  fullName: string | null;
  imageUrl: string;
  hasImage: boolean;
  primaryEmailAddressId: string | null;
  primaryEmailAddress: EmailAddressResource | null;
  emailAddresses: EmailAddressResource[];
  /** Accounts at social providers the user signs in with. */
  externalAccounts: ExternalAccountResource[];
  passwordEnabled: boolean;
  twoFactorEnabled: boolean;
  publicMetadata: Record<string, unknown>;
  unsafeMetadata: Record<string, unknown>;
  organizationMemberships: OrganizationMembershipResource[];
  createdAt: Date | null;
  updatedAt: Date | null;
  /** Updates the user's profile; the hooks see the new values. */
  update(params: UpdateUserParams): Promise<UserResource>;
  /** Reads the user again from the instance. */
  reload(): Promise<UserResource>;
}

function emailAddressResource(json: EmailAddressJson): EmailAddressResource {
  return {
    id: json.id,
    emailAddress: json.email_address,
    verification: json.verification
      ? { status: json.verification.status, strategy: json.verification.strategy }
      : null,
    toString: () => json.email_address,
  };
}

/**
 * Builds a {@link UserResource} over the Frontend API.
 *
 * @throws (from `update`/`reload`) `ClerkAPIResponseError` with the instance's codes;
 *   `LatchkeyClientError` `signed-out` when the user left the client.
 * @example
 * const user = userResource(host, json, () => currentUserJson());
 * await user.update({ firstName: "Ada" });
 */
export function userResource(
  host: ResourceHost,
  json: UserJson,
  current: (userId: string) => UserResource | null,
): UserResource {
  const emailAddresses = (json.email_addresses ?? []).map(emailAddressResource);
  const fullName = [json.first_name, json.last_name].filter(Boolean).join(" ");
  return {
    id: json.id,
    username: json.username,
    firstName: json.first_name,
    lastName: json.last_name,
    fullName: fullName === "" ? null : fullName,
    imageUrl: json.image_url,
    hasImage: json.has_image,
    primaryEmailAddressId: json.primary_email_address_id,
    primaryEmailAddress: emailAddresses.find((e) => e.id === json.primary_email_address_id) ?? null,
    emailAddresses,
    externalAccounts: (json.external_accounts ?? []).map((account) =>
      externalAccountResource(host, account),
    ),
    passwordEnabled: json.password_enabled,
    twoFactorEnabled: json.two_factor_enabled,
    publicMetadata: json.public_metadata ?? {},
    unsafeMetadata: json.unsafe_metadata ?? {},
    organizationMemberships: (json.organization_memberships ?? []).map(
      organizationMembershipResource,
    ),
    createdAt: toDate(json.created_at),
    updatedAt: toDate(json.updated_at),
    async update(params) {
      const updated = await host.call<UserJson>("PATCH", "/v1/me", snakeParams(params));
      return current(updated.id) ?? userResource(host, updated, current);
    },
    async reload() {
      await host.reloadClient();
      const fresh = current(json.id);
      if (fresh === null) {
        throw new LatchkeyClientError(
          "signed-out",
          "The user is no longer signed in on this client.",
        );
      }
      return fresh;
    },
  };
}
