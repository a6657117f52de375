import type { EmailRecord } from "../store/mail-store.js";

/** An email on the wire (Clerk's `Email` object, the data of `email.created`). */
export interface EmailJson {
  object: "email";
  id: string;
  slug: string;
  from_email_name: string;
  reply_to_email_name: string | null;
  to_email_address: string;
  email_address_id: string | null;
  user_id: string | null;
  subject: string;
  /** HTML body. */
  body: string;
  body_plain: string;
  status: string;
  data: Record<string, unknown>;
  /** True when the instance itself hands the email to the recipient's mail server (SMTP). */
  delivered_by_clerk: boolean;
}

/**
 * Serialises an email record as Clerk's `Email` object. `delivered_by_clerk` is true only for
 * emails sent through SMTP: mailbox and console emails never reach the recipient, so a webhook
 * consumer may deliver those itself.
 *
 * @example
 * const json = emailJson(await store.getEmail("ema_123"));
 */
export function emailJson(email: EmailRecord): EmailJson {
  return {
    object: "email",
    id: email.id,
    slug: email.slug,
    from_email_name: email.fromEmailName,
    reply_to_email_name: null,
    to_email_address: email.toEmailAddress,
    email_address_id: email.emailAddressId,
    user_id: email.userId,
    subject: email.subject,
    body: email.bodyHtml,
    body_plain: email.bodyText,
    status: email.status,
    data: email.data,
    delivered_by_clerk: email.deliveredVia === "smtp" && !email.test,
  };
}
