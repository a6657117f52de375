import { ApiError } from "../errors/api-error.js";
import { consoleLogger, type Logger } from "../logger.js";
import type { EmailRecord, MailStore } from "../store/mail-store.js";
import type { TransactionalStore } from "../store/store-transaction.js";
import { isTestEmailAddress } from "./is-test-email-address.js";
import { recordEmail } from "./record-email.js";
import {
  renderVerificationCodeEmail,
  VERIFICATION_CODE_TTL_MINUTES,
  type VerificationPurpose,
} from "./render-verification-code-email.js";
import { createSmtpTransport, type SmtpTransport } from "./smtp-transport.js";

/**
 * How emails leave the instance. `mailbox`: stored only, read from the dev mailbox (or delivered
 * by the app from the `email.created` webhook). `console`: stored and printed to the logger —
 * development only, since codes must not reach production logs. `smtp`: stored and sent.
 */
export type MailTransportConfig =
  | { kind: "mailbox" }
  | { kind: "console" }
  | { kind: "smtp"; url: string };

/** Options of {@link createMailer}. */
export interface MailerOptions {
  store: MailStore & TransactionalStore;
  /** Development instance: `+clerk_test` addresses get no mail; `console` is allowed. */
  developmentMode: boolean;
  /** Default in development: `mailbox`. Production must choose one explicitly. */
  transport?: MailTransportConfig;
  /** Sender address (`notifications@example.com`); default `notifications@localhost`. */
  fromAddress?: string;
  /** Throw `email_delivery_failed` when SMTP fails, instead of recording and logging it. */
  strict?: boolean;
  logger?: Logger;
}

/** What {@link Mailer.send} takes. */
export interface SendEmailInput {
  to: { emailAddress: string; emailAddressId?: string | null; userId?: string | null };
  template: "verification_code";
  code: string;
  purpose: VerificationPurpose;
  /** Application name shown in the email. */
  appName: string;
}

/** Renders, records and delivers the instance's emails. */
export interface Mailer {
  /**
   * Renders the email, records it (emitting `email.created`) and delivers it through the
   * configured transport.
   * @returns the stored email, with its final status (`delivered`, `sent` or `failed`)
   * @throws `email_delivery_failed` when SMTP fails and the mailer is strict
   */
  send(input: SendEmailInput): Promise<EmailRecord>;
  /** Releases the SMTP transport, if any. */
  close(): void;
}

const DEFAULT_FROM_ADDRESS = "notifications@localhost";

/**
 * Builds the mailer. Bad configuration fails here, at startup: `console` outside development, no
 * transport chosen in production, a malformed SMTP URL or sender address.
 *
 * Every email is stored before delivery, its `email.created` event written in the same
 * transaction. In development mode a `+clerk_test` recipient gets nothing: the email is recorded
 * in the mailbox marked as a test, goes through no transport and emits no event.
 *
 * @throws Error with what to set, on bad configuration
 * @example
 * const mailer = createMailer({ store, developmentMode: true });
 * const email = await mailer.send({
 *   to: { emailAddress: "ada@example.com" },
 *   template: "verification_code",
 *   code: "123456",
 *   purpose: "sign_up",
 *   appName: "Acme",
 * });
 */
export function createMailer(options: MailerOptions): Mailer {
  const { store, developmentMode } = options;
  const logger = options.logger ?? consoleLogger;
  const fromAddress = options.fromAddress ?? DEFAULT_FROM_ADDRESS;
  const at = fromAddress.lastIndexOf("@");
  if (at <= 0 || at === fromAddress.length - 1 || /[\s<>]/.test(fromAddress)) {
    throw new Error(
      "The sender address must be a bare address like notifications@example.com (LATCHKEY_MAIL_FROM).",
    );
  }
  const fromEmailName = fromAddress.slice(0, at);

  const transport = options.transport ?? (developmentMode ? { kind: "mailbox" } : undefined);
  if (transport === undefined) {
    throw new Error(
      "No email transport configured for a production instance. Set LATCHKEY_SMTP_URL " +
        "(smtp://user:password@host:587), or LATCHKEY_MAIL_TRANSPORT=mailbox to only record emails " +
        "and deliver them yourself from the email.created webhook.",
    );
  }
  if (transport.kind === "console" && !developmentMode) {
    throw new Error(
      "The console email transport prints verification codes and is for development only. " +
        "Set LATCHKEY_SMTP_URL, or LATCHKEY_MAIL_TRANSPORT=mailbox.",
    );
  }
  const smtp: SmtpTransport | null =
    transport.kind === "smtp" ? createSmtpTransport(transport.url) : null;

  return {
    async send(input) {
      const rendered = renderVerificationCodeEmail(input);
      const test = developmentMode && isTestEmailAddress(input.to.emailAddress);
      const channel = test ? "mailbox" : transport.kind;
      const email = await recordEmail(store, {
        toEmailAddress: input.to.emailAddress,
        userId: input.to.userId ?? null,
        emailAddressId: input.to.emailAddressId ?? null,
        slug: input.template,
        fromEmailName,
        subject: rendered.subject,
        bodyText: rendered.text,
        bodyHtml: rendered.html,
        data: {
          otp_code: input.code,
          app: { name: input.appName },
          purpose: input.purpose,
          expires_in_minutes: VERIFICATION_CODE_TTL_MINUTES,
        },
        status: channel === "smtp" ? "queued" : "delivered",
        deliveredVia: channel,
        test,
      });

      if (channel === "console") {
        logger.info("email (development console transport)", {
          emailId: email.id,
          to: email.toEmailAddress,
          subject: email.subject,
          text: email.bodyText,
        });
        return email;
      }
      if (channel !== "smtp" || smtp === null) return email;

      try {
        await smtp.deliver({
          from: { name: input.appName, address: fromAddress },
          to: email.toEmailAddress,
          subject: email.subject,
          text: email.bodyText,
          html: email.bodyHtml,
        });
      } catch (error) {
        const description = smtp.describeError(error);
        const failed = await store.setEmailStatus(email.id, {
          status: "failed",
          error: description,
        });
        logger.error("email delivery failed", { emailId: email.id, error: description });
        if (options.strict) throw new ApiError("email_delivery_failed");
        return failed;
      }
      return store.setEmailStatus(email.id, { status: "sent" });
    },
    close() {
      smtp?.close();
    },
  };
}
