import { createTransport } from "nodemailer";

/** A message as handed to SMTP. */
export interface OutgoingEmail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends through one SMTP server; see {@link createSmtpTransport}. */
export interface SmtpTransport {
  /** Hands the message to the server; rejects when it is refused or unreachable. */
  deliver(message: OutgoingEmail): Promise<void>;
  /** `error` as a short, loggable description with every form of the credentials removed. */
  describeError(error: unknown): string;
  close(): void;
}

/** Timeouts that keep a sign-up from waiting on a dead server (ms). */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
const MAX_ERROR_LENGTH = 500;

/**
 * Checks an SMTP URL (`smtp://user:pass@host:587`, `smtps://…:465`) and returns it parsed. The
 * error message never repeats the URL, which may hold a password.
 *
 * @throws Error naming `LATCHKEY_SMTP_URL` when the URL is not a usable SMTP URL
 * @example
 * parseSmtpUrl("smtp://mailer:s3cret@mail.example.com:587").hostname; // "mail.example.com"
 */
export function parseSmtpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      "The SMTP URL is not a URL. Set LATCHKEY_SMTP_URL to smtp://user:password@host:587 (or smtps://…:465).",
    );
  }
  if ((parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") || parsed.hostname === "") {
    throw new Error(
      "The SMTP URL must look like smtp://user:password@host:587 or smtps://user:password@host:465 (LATCHKEY_SMTP_URL).",
    );
  }
  return parsed;
}

function secretForms(url: URL): string[] {
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const forms = new Set<string>();
  for (const value of [url.password, password, url.username, user]) {
    if (value.length >= 3) forms.add(value);
  }
  // What AUTH PLAIN and AUTH LOGIN put on the wire, should a server echo it back.
  for (const value of [`\u0000${user}\u0000${password}`, user, password]) {
    if (value.length >= 3) forms.add(Buffer.from(value, "utf8").toString("base64"));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * Builds an SMTP transport on nodemailer from an SMTP URL. Credentials stay inside nodemailer:
 * its own logging is off, and {@link SmtpTransport.describeError} strips them (raw, URL-encoded
 * and base64) from error descriptions before they are recorded or logged.
 *
 * @throws Error when the URL is not a usable SMTP URL (see {@link parseSmtpUrl})
 * @example
 * const smtp = createSmtpTransport("smtp://mailer:s3cret@127.0.0.1:2525");
 * await smtp.deliver({ from, to: "ada@example.com", subject, text, html });
 */
export function createSmtpTransport(url: string): SmtpTransport {
  const parsed = parseSmtpUrl(url);
  const secrets = secretForms(parsed);
  const transporter = createTransport({ url, ...TIMEOUTS, logger: false, debug: false });

  const redact = (text: string): string => {
    let out = text.replace(/\bsmtps?:\/\/[^\s@/]*@/gi, "smtp://***@");
    for (const secret of secrets) out = out.split(secret).join("***");
    return out;
  };

  return {
    async deliver(message) {
      await transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
    },
    describeError(error) {
      const code =
        typeof error === "object" && error !== null && "code" in error
          ? String((error as { code: unknown }).code)
          : undefined;
      const message = error instanceof Error ? error.message : String(error);
      const text = redact(code === undefined ? message : `${code}: ${message}`);
      return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
    },
    close() {
      transporter.close();
    },
  };
}
