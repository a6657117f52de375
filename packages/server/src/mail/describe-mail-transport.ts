import type { MailTransportConfig } from "./create-mailer.js";

/**
 * How mail leaves the instance, in words for the console, without secrets: an SMTP URL is shown
 * as its host and port only (never its user or password).
 *
 * @example
 * describeMailTransport({ kind: "smtp", url: "smtp://u:p@mail.example.com:587" }, false);
 * // "SMTP (mail.example.com:587)"
 */
export function describeMailTransport(
  transport: MailTransportConfig | undefined,
  developmentMode: boolean,
): string {
  switch (transport?.kind) {
    case undefined:
      return developmentMode ? "Development mailbox (default)" : "None configured";
    case "mailbox":
      return "Development mailbox";
    case "console":
      return "Printed to the log";
    case "smtp": {
      try {
        const url = new URL(transport.url);
        return `SMTP (${url.hostname}${url.port === "" ? "" : `:${url.port}`})`;
      } catch {
        return "SMTP";
      }
    }
    default:
      return "Custom transport";
  }
}
