"use client";

import { useClerk } from "@latchkey/nextjs/client";
import { useActionState, useEffect, useState } from "react";
import { ActionForm } from "@/components/action-form/action-form";
import { BusyInput } from "@/components/action-form/busy-input";
import { PendingButton } from "@/components/action-form/pending-button";
import { type CreateOrganizationState, createOrganization } from "./actions";

const IDLE: CreateOrganizationState = { status: "idle" };

/**
 * Creates an organization (server action), then makes it the active one (`setActive`, in the
 * browser) and comes back to this page, which names it. Busy from the first click until the
 * page has come back naming it as the active organization: one click, one organization. The
 * form stays mounted throughout, so focus stays on its button.
 */
export function CreateOrganizationForm(props: { activeOrganizationId: string | null }) {
  const { setActive } = useClerk();
  const [state, formAction] = useActionState(createOrganization, IDLE);
  const [switching, setSwitching] = useState(false);
  const [switchFailed, setSwitchFailed] = useState(false);
  // Done once the server's page says the new organization is the active one.
  const arrived = state.status === "created" && props.activeOrganizationId === state.id;

  useEffect(() => {
    if (state.status !== "created") return;
    setSwitching(true);
    setActive({
      organization: state.id,
      redirectUrl: `/organizations?created=${encodeURIComponent(state.id)}`,
    }).catch(() => {
      setSwitching(false);
      setSwitchFailed(true);
    });
  }, [state, setActive]);

  return (
    <ActionForm action={formAction} busy={switching && !arrived} className="stack">
      <label htmlFor="org-name">Name</label>
      <BusyInput
        id="org-name"
        name="name"
        required
        maxLength={100}
        autoComplete="organization"
        aria-describedby="org-name-hint"
        aria-invalid={state.status === "error" ? true : undefined}
      />
      <p id="org-name-hint" className="hint">
        Up to 100 characters. You become its admin, and it becomes your active organization.
      </p>
      {state.status === "error" ? (
        <p role="alert" className="error">
          {state.message}
        </p>
      ) : null}
      {switchFailed && state.status === "created" ? (
        <p role="alert" className="error">
          Created “{state.name}”, but it could not be made active. Use the switcher above.
        </p>
      ) : null}
      <PendingButton>Create organization</PendingButton>
    </ActionForm>
  );
}
