"use client";

import type { InputHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";
import { useActionFormBusy } from "./action-form";

/**
 * An input of an {@link ActionForm}, read-only while the form is busy (focus and text stay).
 *
 * @example
 * <BusyInput id="org-name" name="name" required />
 */
export function BusyInput(props: InputHTMLAttributes<HTMLInputElement>) {
  const { pending } = useFormStatus();
  const busy = useActionFormBusy() || pending;
  return <input {...props} readOnly={busy || props.readOnly} />;
}
