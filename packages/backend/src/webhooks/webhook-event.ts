/**
 * Every event type named in Clerk's webhook catalogue.
 *
 * Clerk adds types over time; `verifyWebhook` does not reject a type missing from this list.
 *
 * @example
 * ```ts
 * const interesting: WebhookEventType[] = ["user.created", "user.deleted"];
 * ```
 */
export type WebhookEventType =
  | "email.created"
  | "organization.created"
  | "organization.updated"
  | "organization.deleted"
  | "organizationDomain.created"
  | "organizationDomain.updated"
  | "organizationDomain.deleted"
  | "organizationInvitation.created"
  | "organizationInvitation.accepted"
  | "organizationInvitation.revoked"
  | "organizationMembership.created"
  | "organizationMembership.updated"
  | "organizationMembership.deleted"
  | "paymentAttempt.created"
  | "paymentAttempt.updated"
  | "permission.created"
  | "permission.updated"
  | "permission.deleted"
  | "role.created"
  | "role.updated"
  | "role.deleted"
  | "session.created"
  | "session.pending"
  | "session.ended"
  | "session.removed"
  | "session.revoked"
  | "sms.created"
  | "subscription.created"
  | "subscription.updated"
  | "subscription.active"
  | "subscription.pastDue"
  | "subscriptionItem.abandoned"
  | "subscriptionItem.active"
  | "subscriptionItem.canceled"
  | "subscriptionItem.ended"
  | "subscriptionItem.freeTrialEnding"
  | "subscriptionItem.incomplete"
  | "subscriptionItem.pastDue"
  | "subscriptionItem.upcoming"
  | "subscriptionItem.updated"
  | "user.created"
  | "user.updated"
  | "user.deleted"
  | "waitlistEntry.created"
  | "waitlistEntry.updated";

/**
 * The resource carried by an event, loosely typed: Clerk's JSON for a user, session, organization…
 *
 * Only the envelope is checked at runtime; read fields defensively.
 *
 * @example
 * ```ts
 * const userId = typeof event.data.id === "string" ? event.data.id : undefined;
 * ```
 */
export interface WebhookEventData {
  object?: string;
  id?: string;
  [key: string]: unknown;
}

/**
 * The `data` of a `*.deleted` event: a tombstone rather than the full resource.
 *
 * @example
 * ```ts
 * if (event.type === "user.deleted" && event.data.deleted) forgetUser(event.data.id);
 * ```
 */
export interface DeletedWebhookEventData extends WebhookEventData {
  deleted?: boolean;
}

/**
 * Where the change came from, when Clerk knows (`event_attributes`).
 *
 * @example
 * ```ts
 * const ip = event.event_attributes.http_request?.client_ip;
 * ```
 */
export interface WebhookEventAttributes {
  http_request?: {
    client_ip?: string;
    user_agent?: string;
  };
  [key: string]: unknown;
}

type DataFor<Type extends WebhookEventType> = Type extends `${string}.deleted`
  ? DeletedWebhookEventData
  : WebhookEventData;

/**
 * One verified webhook event envelope, discriminated on `type`.
 *
 * @example
 * ```ts
 * switch (event.type) {
 *   case "user.created":
 *     await createLocalUser(event.data);
 *     break;
 *   case "session.revoked":
 *     await dropSession(event.data.id);
 *     break;
 * }
 * ```
 */
export type WebhookEvent = {
  [Type in WebhookEventType]: {
    type: Type;
    object: "event";
    data: DataFor<Type>;
    /** When the event was created, as a Unix timestamp (as Clerk sends it). */
    timestamp: number;
    instance_id: string;
    /** `{}` when the sender omitted it. */
    event_attributes: WebhookEventAttributes;
  };
}[WebhookEventType];
