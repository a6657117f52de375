import { ApiError } from "../../errors/api-error.js";
import type { InvitationRecord } from "../../store/invitation-store.js";
import type { TransactionalStore } from "../../store/store-transaction.js";
import { type FlowResult, runFlow } from "../run-flow.js";

/**
 * Revokes an application invitation that is neither revoked nor accepted (an expired one can be).
 *
 * @throws ApiError `resource_not_found` (`invitation_id`), `invitation_already_revoked`,
 *   `invitation_already_accepted`
 * @example
 * const { invitation } = await revokeInvitation(store, invitationId);
 */
export function revokeInvitation(
  store: TransactionalStore,
  invitationId: string,
): Promise<FlowResult<{ invitation: InvitationRecord }>> {
  return runFlow(store, async (tx) => {
    const current = await tx.lockInvitation(invitationId);
    if (current === null) throw new ApiError("resource_not_found", { paramName: "invitation_id" });
    if (current.status === "revoked") throw new ApiError("invitation_already_revoked");
    if (current.status === "accepted") throw new ApiError("invitation_already_accepted");
    return { invitation: await tx.setInvitationStatus(invitationId, "revoked") };
  });
}
