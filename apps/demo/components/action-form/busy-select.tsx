"use client";

import { type SelectHTMLAttributes, useState } from "react";
import { useFormStatus } from "react-dom";
import { useActionFormBusy } from "./action-form";

/** Props of {@link BusySelect}. */
export interface BusySelectProps
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange"> {
  defaultValue: string;
}

/**
 * A select of an {@link ActionForm}: while the form is busy it is `aria-disabled` and keeps its
 * value (a select cannot be read-only; a disabled one would drop focus and leave the form data).
 *
 * @example
 * <BusySelect id="role" name="role" defaultValue="org:member">…</BusySelect>
 */
export function BusySelect(props: BusySelectProps) {
  const { defaultValue, ...rest } = props;
  const { pending } = useFormStatus();
  const busy = useActionFormBusy() || pending;
  const [value, setValue] = useState(defaultValue);
  return (
    <select
      {...rest}
      value={value}
      aria-disabled={busy ? true : undefined}
      onChange={(event) => {
        if (!busy) setValue(event.target.value);
      }}
    />
  );
}
