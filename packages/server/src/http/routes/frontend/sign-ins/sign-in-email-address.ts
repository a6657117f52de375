import type { SignInRecord } from "../../../../store/frontend-store.js";
import type { EmailAddressRecord, UserRecord } from "../../../../store/store.js";

/**
 * The verified address of the user a sign-in code goes to: the one named by `emailAddressId`,
 * else the one typed as the identifier, else the primary one, else the first.
 *
 * @returns the address; undefined when `emailAddressId` names none of the user's verified ones
 *   (or the user has none)
 * @example
 * const email = signInEmailAddress(signIn, user, body.email_address_id);
 */
export function signInEmailAddress(
  signIn: Pick<SignInRecord, "identifier">,
  user: UserRecord,
  emailAddressId: string | undefined,
): EmailAddressRecord | undefined {
  const verified = user.emailAddresses.filter((e) => e.verification?.status === "verified");
  return emailAddressId === undefined
    ? (verified.find((e) => e.emailAddress.toLowerCase() === signIn.identifier?.toLowerCase()) ??
        verified.find((e) => e.id === user.primaryEmailAddressId) ??
        verified[0])
    : verified.find((e) => e.id === emailAddressId);
}
