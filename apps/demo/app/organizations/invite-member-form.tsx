"use client";

import { ActionForm } from "@/components/action-form/action-form";
import { BusyInput } from "@/components/action-form/busy-input";
import { BusySelect } from "@/components/action-form/busy-select";
import { PendingButton } from "@/components/action-form/pending-button";
import { inviteMember } from "./actions";

/** Invites someone to the active organization (server action); one click, one invitation. */
export function InviteMemberForm() {
  return (
    <ActionForm action={inviteMember} className="stack">
      <label htmlFor="invite-email">Email address</label>
      <BusyInput id="invite-email" name="email" type="email" required autoComplete="off" />
      <label htmlFor="invite-role">Role</label>
      <BusySelect id="invite-role" name="role" defaultValue="org:member">
        <option value="org:member">Member</option>
        <option value="org:admin">Admin</option>
      </BusySelect>
      <PendingButton>Send invitation</PendingButton>
    </ActionForm>
  );
}
