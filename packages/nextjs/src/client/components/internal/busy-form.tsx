import type { FormEvent, ReactNode } from "react";
import type { AppearanceElement } from "../../internal/appearance.js";
import { useLocalization } from "../../internal/localization/use-localization.js";
import { FormBusyContext } from "./form-busy-context.js";
import { useHydrated } from "./use-hydrated.js";

/** Props of {@link BusyForm}. */
export interface BusyFormProps {
  /** Runs the form's action (not while busy); the browser's own submission is already prevented. */
  onSubmit(event: FormEvent): void;
  /**
   * While the form's action runs: `aria-busy`, fields read-only (`FormField`) and buttons
   * `aria-disabled` (`ActionButton`), through {@link FormBusyContext}.
   */
  busy: boolean;
  children: ReactNode;
  cls(element: AppearanceElement): string;
}

/**
 * A component's form: styled, validated by the component rather than the browser (`noValidate`),
 * and busy while its action runs: `aria-busy`, read-only fields, `aria-disabled` buttons that
 * keep focus, a pending mark on the primary button.
 *
 * What is typed into it only ever reaches the component's handler, which sends it to the
 * Frontend API in a request body. The browser itself never submits it:
 *
 * - Hydrated, `onSubmit` always calls `preventDefault()` before the handler runs.
 * - Before hydration (JavaScript off, still loading, or failed) the server's HTML is inert: the
 *   submit buttons are disabled (`SubmitButton`), so neither a click nor Enter submits (implicit
 *   submission needs an enabled default button); and the inputs have no `name` yet
 *   (`FormField`), so even a forced submission carries no field. A `<noscript>` note says
 *   JavaScript is needed. Text typed meanwhile survives hydration (`FormField`).
 * - `method="post"` all the same: should the browser ever submit, the form goes to this page in a
 *   request body, never into the URL (`GET /sign-in?password=…`) that history, logs and
 *   `Referer` keep. Next renders the page for an urlencoded POST that is not a server action and
 *   neither reads nor logs its body.
 *
 * An inert form was chosen over a no-JavaScript path (a server endpoint signing in from a form
 * POST) because the steps (codes, second factor, session activation) run in the Frontend API
 * client; a second, server-side path would be a second implementation of each step.
 *
 * @throws never.
 * @example
 * <BusyForm onSubmit={onCreate} busy={busy} cls={cls}>…</BusyForm>
 */
export function BusyForm(props: BusyFormProps): ReactNode {
  const hydrated = useHydrated();
  const t = useLocalization();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!props.busy) props.onSubmit(event);
  };
  return (
    <form
      method="post"
      className={props.cls("form")}
      onSubmit={onSubmit}
      noValidate
      aria-busy={props.busy}
      data-latchkey-hydrated={hydrated ? "" : undefined}
    >
      <noscript>
        <p className={props.cls("alert")} data-latchkey-noscript="">
          {t.formStatus__noScript}
        </p>
      </noscript>
      <FormBusyContext.Provider value={props.busy}>{props.children}</FormBusyContext.Provider>
    </form>
  );
}
