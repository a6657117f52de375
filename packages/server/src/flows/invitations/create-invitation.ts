import { ApiError } from "../../errors/api-error.js";
import type { InvitationRecord } from "../../store/invitation-store.js";
import type { Metadata } from "../../store/store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";
import { invitationExpiresAt } from "./invitation-expiry.js";

/** An application (sign-up) invitation to create. */
export interface NewInvitation {
  emailAddress: string;
  publicMetadata?: Metadata | null;
  redirectUrl?: string | null;
  /** Default true. */
  notify?: boolean | null;
  /** Create it even when the address belongs to a user or has a pending invitation. */
  ignoreExisting?: boolean | null;
  /** Default 30. */
  expiresInDays?: number | null;
}

/**
 * Invites an email address to sign up. Unless `ignoreExisting`, the address must not belong to a
 * user nor have a pending invitation; invitations to one address are serialised across processes.
 *
 * @throws ApiError `form_identifier_exists` (`email_address`), `duplicate_record`
 * @example
 * const { invitation } = await createInvitation(store, { emailAddress: "ada@example.com" });
 */
export function createInvitation(
  store: TransactionalStore,
  input: NewInvitation,
): Promise<FlowResult<{ invitation: InvitationRecord }>> {
  return runFlow(store, async (tx) => {
    const email = input.emailAddress;
    await tx.lockInvitationAddress(email);
    if (!input.ignoreExisting) {
      if (await tx.emailAddressExists(email)) {
        throw new ApiError("form_identifier_exists", {
          paramName: "email_address",
          message: "That email address is taken. Please try another.",
          longMessage: "That email address is taken. Please try another.",
        });
      }
      if (await tx.hasPendingInvitation(email)) {
        throw new ApiError("duplicate_record", {
          longMessage: `There are already pending invitations for the following email addresses: ${email}`,
          meta: { email_addresses: [email] },
        });
      }
    }
    const invitation = await tx.insertInvitation({
      emailAddress: email,
      publicMetadata: input.publicMetadata ?? {},
      redirectUrl: input.redirectUrl ?? null,
      notify: input.notify ?? true,
      expiresAt: invitationExpiresAt(tx.now(), input.expiresInDays),
    });
    return { invitation };
  });
}
