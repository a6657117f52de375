/** The email part of the {@link Store}: every email the instance sends, as the mailbox shows it. */

/**
 * Where an email stands. `queued`: recorded, not yet handed to SMTP. `sent`: the SMTP server
 * accepted it. `delivered`: it reached its destination without leaving the instance (the dev
 * mailbox, the console). `failed`: SMTP refused it or could not be reached.
 */
export type EmailStatus = "queued" | "sent" | "delivered" | "failed";

/** The transport an email went through. */
export type EmailChannel = "mailbox" | "console" | "smtp";

/** What an email says and how it went out: the fields of a new email and of a stored one. */
export interface EmailContent {
  toEmailAddress: string;
  /** Template name, e.g. `verification_code`. */
  slug: string;
  /** Local part of the sender address (`notifications`). */
  fromEmailName: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  /** Template variables (`otp_code`, `app`…). */
  data: Record<string, unknown>;
  status: EmailStatus;
  deliveredVia: EmailChannel;
}

/** A stored email. */
export interface EmailRecord extends EmailContent {
  id: string;
  userId: string | null;
  emailAddressId: string | null;
  /** A `+clerk_test` address in development mode: never delivered, no webhook event. */
  test: boolean;
  /** Why delivery failed; never contains credentials. */
  error: string | null;
  createdAt: number;
  updatedAt: number;
}

/** An email to record. */
export interface NewEmail extends EmailContent {
  userId?: string | null;
  emailAddressId?: string | null;
  test?: boolean;
}

/** Filters of {@link MailStore.listEmails}. */
export interface EmailFilter {
  /** Exact recipient address, compared case-insensitively. */
  toEmailAddress?: string;
}

export interface MailStore {
  /** Records an email (`mail/record-email.ts` raises `email.created` with it). */
  createEmail(input: NewEmail): Promise<EmailRecord>;
  getEmail(emailId: string): Promise<EmailRecord | null>;
  /**
   * Records the outcome of a delivery attempt. No event: Clerk has no `email.updated`.
   * @throws `resource_not_found` (`email_id`)
   */
  setEmailStatus(
    emailId: string,
    update: { status: EmailStatus; error?: string | null },
  ): Promise<EmailRecord>;
  /** Newest first. */
  listEmails(filter: EmailFilter, page: { limit: number; offset: number }): Promise<EmailRecord[]>;
  countEmails(filter: EmailFilter): Promise<number>;
  /** Deletes emails created before `before` (epoch ms); returns how many. */
  deleteEmailsCreatedBefore(before: number): Promise<number>;
}
