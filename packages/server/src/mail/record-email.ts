import type { EmailRecord, NewEmail } from "../store/mail-store.js";
import type { TransactionalStore } from "../store/store-transaction.js";

/**
 * Records an email and, in the same transaction, raises `email.created` with it — except for a
 * test email (a `+clerk_test` address in development), which nobody is meant to receive.
 *
 * @example
 * const email = await recordEmail(store, { toEmailAddress, slug: "verification_code", … });
 */
export function recordEmail(store: TransactionalStore, input: NewEmail): Promise<EmailRecord> {
  return store.transaction(async (tx) => {
    const email = await tx.createEmail(input);
    if (!email.test) await tx.emit({ type: "email.created", email });
    return email;
  });
}
