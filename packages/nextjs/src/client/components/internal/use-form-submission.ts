import { useCallback, useRef, useState } from "react";
import { useLocalization } from "../../internal/localization/use-localization.js";
import { type FormErrors, formErrorsFrom, NO_ERRORS } from "./form-errors.js";
import { usePasswordRules } from "./use-password-rules.js";

/**
 * What an action run by {@link FormSubmission.run} answers when it has started leaving the page
 * (a completed sign-in): the form then stays busy until it is gone.
 */
export const NAVIGATING = "navigating";

/** What {@link useFormSubmission} hands a form. */
export interface FormSubmission {
  errors: FormErrors;
  setErrors(errors: FormErrors): void;
  /**
   * True while an action runs (and after one answered {@link NAVIGATING}): the form is
   * `aria-busy`, its fields read-only and its buttons `aria-disabled`.
   */
  busy: boolean;
  /**
   * Clears the errors, runs `action` busy, and sorts what it throws onto the form's fields.
   * While an action runs, further calls do nothing: a double click or a second Enter sends one
   * request. An action answering {@link NAVIGATING} leaves the form busy.
   */
  run(action: () => Promise<unknown>): Promise<void>;
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
  const localization = useLocalization();
  const passwordRules = usePasswordRules();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  // The state above changes on the next render; this changes at once, so a second submit in the
  // same tick (a double click) already finds the form busy.
  const running = useRef(false);
  const describe = useRef({ fieldByParam, localization, passwordRules });
  describe.current = { fieldByParam, localization, passwordRules };

  const run = useCallback(async (action: () => Promise<unknown>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setErrors(NO_ERRORS);
    let outcome: unknown;
    try {
      outcome = await action();
    } catch (error) {
      const { fieldByParam: fields, localization: texts, passwordRules: rules } = describe.current;
      setErrors(formErrorsFrom(error, fields, texts, rules));
    } finally {
      if (outcome !== NAVIGATING) {
        running.current = false;
        setBusy(false);
      }
    }
  }, []);
  return { errors, setErrors, busy, run };
}
