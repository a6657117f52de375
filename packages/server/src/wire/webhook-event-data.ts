import type { RenderEventData, StoreEvent } from "../store/store-events.js";
import { deletedObjectJson } from "./deleted-object-json.js";
import { emailJson } from "./email-json.js";
import { organizationInvitationJson } from "./organization-invitation-json.js";
import {
  deletedOrganizationJson,
  FULL_ORGANIZATION_JSON,
  organizationJson,
} from "./organization-json.js";
import { organizationMembershipJson } from "./organization-membership-json.js";
import { sessionJson } from "./session-json.js";
import { userJson } from "./user-json.js";

/** What event JSON depends on besides the records. */
export interface WebhookEventDataOptions {
  /** Public origin of the instance, for image URLs; default `http://localhost:4100`. */
  publicUrl?: string;
  /** Failed verification attempts before a lockout, as user JSON reports it; default 10. */
  maxVerificationAttempts?: number;
}

const DEFAULT_PUBLIC_URL = "http://localhost:4100";

/**
 * The renderer of webhook event data the store is given: each event's records as Clerk's webhook
 * spec shapes them (users and sessions as the Backend API answers them, organizations with their
 * counts, invitations without `public_organization_data`).
 *
 * @example
 * const store = createSqlStore(db, { renderEventData: webhookEventData({ publicUrl }) });
 */
export function webhookEventData(options: WebhookEventDataOptions = {}): RenderEventData {
  const baseUrl = (options.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, "");
  const maxVerificationAttempts = options.maxVerificationAttempts ?? 10;
  return (event: StoreEvent, now: number) => {
    switch (event.type) {
      case "user.created":
      case "user.updated":
        return userJson(event.user, { baseUrl, now, maxVerificationAttempts });
      case "user.deleted":
        return deletedObjectJson("user", event.userId, { externalId: event.externalId });
      case "email.created":
        return emailJson(event.email);
      case "session.created":
      case "session.ended":
      case "session.removed":
      case "session.revoked": {
        // The webhook spec's Session has no `tasks`; events carry the user.
        const { tasks: _tasks, ...session } = sessionJson(event.session);
        const user =
          event.user === null
            ? null
            : userJson(event.user, { baseUrl, now, maxVerificationAttempts });
        return { ...session, user };
      }
      case "organization.created":
      case "organization.updated":
        return organizationJson(event.organization, FULL_ORGANIZATION_JSON);
      case "organization.deleted":
        return deletedOrganizationJson(event.organization);
      case "organizationMembership.created":
      case "organizationMembership.updated":
      case "organizationMembership.deleted":
        return organizationMembershipJson(event.membership, baseUrl);
      case "organizationInvitation.created":
      case "organizationInvitation.accepted":
      case "organizationInvitation.revoked":
        return organizationInvitationJson(event.invitation, baseUrl, {
          // The webhook spec's OrganizationInvitation has no public_organization_data.
          includePublicOrganizationData: false,
          includeAcceptedUserId: event.type === "organizationInvitation.accepted",
        });
    }
  };
}
