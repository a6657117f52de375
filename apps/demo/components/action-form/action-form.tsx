"use client";

import {
  createContext,
  type FormEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import { useFormStatus } from "react-dom";

const ActionFormBusy = createContext(false);

/** Whether the enclosing {@link ActionForm} is busy (its request runs, or it is leaving). */
export function useActionFormBusy(): boolean {
  return useContext(ActionFormBusy);
}

/** Calls `onSettled` each time the form's action finishes (`useFormStatus` works inside it). */
function SettleWatcher({ onSettled }: { onSettled(): void }) {
  const { pending } = useFormStatus();
  const wasPending = useRef(false);
  useEffect(() => {
    if (pending) wasPending.current = true;
    else if (wasPending.current) {
      wasPending.current = false;
      onSettled();
    }
  }, [pending, onSettled]);
  return null;
}

/** Props of {@link ActionForm}. */
export interface ActionFormProps {
  /** A server action, or the dispatcher of `useActionState`. */
  action(formData: FormData): void | Promise<void>;
  /** Busy for a reason of the caller's (switching to what was just created, say). */
  busy?: boolean;
  className?: string;
  "aria-labelledby"?: string;
  children: ReactNode;
}

/**
 * A form posting to a server action that sends it once: from the first submit until the action
 * (and the navigation it starts) has finished, further submits are dropped — a double click
 * creates one organization — and the form is busy: `aria-busy`, its `BusyInput`s read-only, its
 * `PendingButton` showing a spinner. Without JavaScript it posts as a plain form.
 *
 * @example
 * <ActionForm action={inviteMember}><BusyInput name="email" /><PendingButton>Send</PendingButton></ActionForm>
 */
export function ActionForm(props: ActionFormProps) {
  const submitted = useRef(false);
  const [waiting, setWaiting] = useState(false);
  const busy = waiting || props.busy === true;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // The ref, not the state: a second click in the same tick already finds it set. A prevented
    // submit is not handed to the action (React checks `defaultPrevented`).
    if (submitted.current || props.busy) {
      event.preventDefault();
      return;
    }
    submitted.current = true;
    setWaiting(true);
  };
  const onSettled = useCallback(() => {
    submitted.current = false;
    setWaiting(false);
  }, []);

  return (
    <form
      action={props.action}
      onSubmit={onSubmit}
      aria-busy={busy}
      className={props.className}
      aria-labelledby={props["aria-labelledby"]}
    >
      <ActionFormBusy.Provider value={busy}>{props.children}</ActionFormBusy.Provider>
      <SettleWatcher onSettled={onSettled} />
    </form>
  );
}
