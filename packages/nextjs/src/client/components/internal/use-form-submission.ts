import { useState } from "react";
import { type FormErrors, formErrorsFrom, NO_ERRORS } from "./form-errors.js";

/** What {@link useFormSubmission} hands a form. */
export interface FormSubmission {
  errors: FormErrors;
  setErrors(errors: FormErrors): void;
  /** True while an action runs: disables the buttons and sets `aria-busy`. */
  busy: boolean;
  /** Clears the errors, runs `action` busy, and sorts what it throws onto the form's fields. */
  run(action: () => Promise<void>): Promise<void>;
}

/**
 * The error and busy state of a form, with the runner its submit handlers share.
 *
 * @param fieldByParam which form field each instance parameter (or error code's field) belongs to.
 * @throws never; a failed action's error becomes the form's errors.
 * @example
 * const { errors, busy, run } = useFormSubmission({ name: "name", slug: "slug" });
 * void run(async () => { await createOrganization({ name }); });
 */
export function useFormSubmission(fieldByParam: Record<string, string>): FormSubmission {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await action();
    } catch (error) {
      setErrors(formErrorsFrom(error, fieldByParam));
    } finally {
      setBusy(false);
    }
  };
  return { errors, setErrors, busy, run };
}
