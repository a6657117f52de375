import type { MailTransportConfig } from "./create-mailer.js";

/** The mail settings read by {@link mailConfigFromEnv}. */
export interface MailEnvConfig {
  /** Undefined: the mailer's default (mailbox in development). */
  transport?: MailTransportConfig;
  fromAddress?: string;
  strict: boolean;
}

/**
 * Reads the mailer's configuration from environment variables:
 * `LATCHKEY_MAIL_TRANSPORT` (`mailbox` | `console` | `smtp`; default `smtp` when
 * `LATCHKEY_SMTP_URL` is set), `LATCHKEY_SMTP_URL` (`smtp://user:password@host:587`),
 * `LATCHKEY_MAIL_FROM` (sender address) and `LATCHKEY_MAIL_STRICT=true` (fail requests when SMTP
 * fails).
 *
 * @throws Error naming the variable to fix, when a value is not recognised
 * @example
 * const mailer = createMailer({ store, developmentMode, ...mailConfigFromEnv(process.env) });
 */
export function mailConfigFromEnv(env: Record<string, string | undefined>): MailEnvConfig {
  const kind = env.LATCHKEY_MAIL_TRANSPORT?.trim() || undefined;
  const smtpUrl = env.LATCHKEY_SMTP_URL?.trim() || undefined;
  const fromAddress = env.LATCHKEY_MAIL_FROM?.trim() || undefined;
  const strictText = env.LATCHKEY_MAIL_STRICT?.trim().toLowerCase() || "false";
  if (strictText !== "true" && strictText !== "false") {
    throw new Error("LATCHKEY_MAIL_STRICT must be true or false.");
  }
  const strict = strictText === "true";
  const base = { strict, ...(fromAddress === undefined ? {} : { fromAddress }) };

  switch (kind ?? (smtpUrl === undefined ? undefined : "smtp")) {
    case undefined:
      return base;
    case "mailbox":
      return { ...base, transport: { kind: "mailbox" } };
    case "console":
      return { ...base, transport: { kind: "console" } };
    case "smtp":
      if (smtpUrl === undefined) {
        throw new Error(
          "LATCHKEY_MAIL_TRANSPORT=smtp needs LATCHKEY_SMTP_URL (smtp://user:password@host:587).",
        );
      }
      return { ...base, transport: { kind: "smtp", url: smtpUrl } };
    default:
      throw new Error("LATCHKEY_MAIL_TRANSPORT must be mailbox, console or smtp.");
  }
}
