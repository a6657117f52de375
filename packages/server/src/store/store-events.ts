import type { EmailRecord } from "./mail-store.js";
import type {
  OrganizationInvitationRecord,
  OrganizationMembershipRecord,
  OrganizationRecord,
} from "./organization-store.js";
import type { SessionRecord } from "./session-store.js";
import type { UserRecord } from "./store.js";

/**
 * A webhook event raised by a change, with the records its payload is made of. The store writes it
 * to the outbox in the transaction of the change; the JSON is rendered from these records by the
 * {@link RenderEventData} the store was given (`wire/`), so the store itself renders nothing.
 */
export type StoreEvent =
  | { type: "user.created" | "user.updated"; user: UserRecord }
  | { type: "user.deleted"; userId: string; externalId: string | null }
  | { type: "email.created"; email: EmailRecord }
  | {
      type: "session.created" | "session.ended" | "session.removed" | "session.revoked";
      session: SessionRecord;
      /** The session's user as it is in the same transaction; null when gone. */
      user: UserRecord | null;
    }
  | { type: "organization.created" | "organization.updated"; organization: OrganizationRecord }
  | { type: "organization.deleted"; organization: OrganizationRecord }
  | {
      type:
        | "organizationMembership.created"
        | "organizationMembership.updated"
        | "organizationMembership.deleted";
      membership: OrganizationMembershipRecord;
    }
  | {
      type:
        | "organizationInvitation.created"
        | "organizationInvitation.accepted"
        | "organizationInvitation.revoked";
      invitation: OrganizationInvitationRecord;
    };

/** Webhook event types (Clerk's names). */
export type EventType = StoreEvent["type"];

/**
 * Renders the `data` of an event (Clerk's wire JSON) from its records; `now` is the time the event
 * is written. Given to the store when it is created.
 */
export type RenderEventData = (event: StoreEvent, now: number) => unknown;
