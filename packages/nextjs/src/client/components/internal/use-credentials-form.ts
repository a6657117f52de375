import { useState } from "react";
import { type FormSubmission, useFormSubmission } from "./use-form-submission.js";

/** What {@link useCredentialsForm} hands the sign-in and sign-up flow (`useCredentialsFlow`). */
export interface CredentialsForm extends FormSubmission {
  email: string;
  setEmail(value: string): void;
  password: string;
  setPassword(value: string): void;
  code: string;
  setCode(value: string): void;
  /** A status line such as "A new code is on its way." (`null`: none). */
  notice: string | null;
  setNotice(value: string | null): void;
}

/**
 * The state of an email + password form with a code step: the inputs' values, a notice, and the
 * errors, busy flag and runner of {@link useFormSubmission}.
 *
 * @param initialEmail pre-fills the email address.
 * @param fieldByParam which form field each instance parameter belongs to.
 * @throws never.
 * @example
 * const form = useCredentialsForm(props.initialValues?.emailAddress, { password: "password" });
 */
export function useCredentialsForm(
  initialEmail: string | undefined,
  fieldByParam: Record<string, string>,
): CredentialsForm {
  const [email, setEmail] = useState(initialEmail ?? "");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const submission = useFormSubmission(fieldByParam);
  return {
    email,
    setEmail,
    password,
    setPassword,
    code,
    setCode,
    notice,
    setNotice,
    ...submission,
  };
}
