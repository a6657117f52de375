/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context, Hono } from "hono";
import { type ConsoleChange, runConsoleChange } from "./console-action.js";
import type { ConsoleEnv } from "./console-env.js";
import { setFlash } from "./console-flash.js";
import { formText } from "./console-form.js";
import { CsrfField } from "./console-page.js";

/**
 * The danger-zone card that deletes an object once its id is typed (user, organization, JWT
 * template): `noun` names it in the heading, the label and the button.
 */
export function DeleteCard(props: {
  action: string;
  csrfToken: string;
  noun: string;
  id: string;
  explanation: string;
}) {
  return (
    <section aria-labelledby="danger-heading" class="card danger-zone">
      <h2 id="danger-heading">Delete {props.noun}</h2>
      <p>{props.explanation}</p>
      <form method="post" action={props.action} class="stack">
        <CsrfField token={props.csrfToken} />
        <label for="confirm-delete">
          Type the {props.noun} id (<code>{props.id}</code>) to confirm
        </label>
        <input id="confirm-delete" name="confirm" type="text" autocomplete="off" required />
        <button type="submit" class="button danger">
          Delete {props.noun}
        </button>
      </form>
    </section>
  );
}

/**
 * Runs a delete posted by a {@link DeleteCard}: only when the typed confirmation is the object's
 * id; otherwise nothing is called and the browser goes back with a message.
 *
 * @example
 * return runConfirmedDelete(c, { noun: "user", id, back: userPath(id), change: { … } });
 */
export async function runConfirmedDelete<T>(
  c: Context<ConsoleEnv>,
  spec: { noun: string; id: string; back: string; change: ConsoleChange<T> },
): Promise<Response> {
  const form = await c.req.parseBody();
  if (formText(form, "confirm").trim() !== spec.id) {
    setFlash(c, {
      kind: "error",
      text: `Type the ${spec.noun} id exactly to delete the ${spec.noun}.`,
    });
    return c.redirect(spec.back, 303);
  }
  return runConsoleChange(c, { errorRedirectTo: spec.back, ...spec.change });
}

/**
 * Mounts `POST <path>` (a path with `:id`) as a {@link runConfirmedDelete} of that id.
 *
 * @example
 * mountConfirmedDelete(app, "/users/:id/delete", (id) => ({ noun: "user", back: userPath(id), change: { … } }));
 */
export function mountConfirmedDelete<T>(
  app: Hono<ConsoleEnv>,
  path: string,
  spec: (id: string) => { noun: string; back: string; change: ConsoleChange<T> },
): void {
  app.post(path, (c) => {
    const id = c.req.param("id") ?? "";
    return runConfirmedDelete(c, { id, ...spec(id) });
  });
}
