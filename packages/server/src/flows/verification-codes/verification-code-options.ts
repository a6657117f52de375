import type { Mailer } from "../../mail/create-mailer.js";

/** How the instance makes, mails and checks one-time email codes (the Frontend API's settings). */
export interface VerificationCodeOptions {
  /** A development instance: `+clerk_test` addresses get the fixed code and no mail. */
  development: boolean;
  /** Application name in the email. */
  applicationName: string;
  mailer: Pick<Mailer, "send">;
  codeLifetimeSeconds: number;
  /** Wrong tries allowed per code. */
  maxCodeAttempts: number;
  /** Key of the HMAC that codes are stored under (derived from the secret key). */
  codeKey: Uint8Array;
}
