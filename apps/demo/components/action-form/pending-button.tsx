"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useActionFormBusy } from "./action-form";

/**
 * The submit button of an {@link ActionForm}: while the form is busy it shows a spinner and is
 * `aria-disabled` (not disabled, so it keeps focus and its name); the form drops the clicks.
 *
 * @example
 * <PendingButton>Create organization</PendingButton>
 */
export function PendingButton(props: { children: ReactNode }) {
  const { pending } = useFormStatus();
  const busy = useActionFormBusy() || pending;
  return (
    <button type="submit" className="button" aria-disabled={busy ? true : undefined}>
      {props.children}
    </button>
  );
}
