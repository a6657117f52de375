/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context, Hono } from "hono";
import { type ConsoleChange, runConsoleChange } from "./console-action.js";
import type { ConsoleEnv } from "./console-env.js";
import { setFlash } from "./console-flash.js";
import { formText } from "./console-form.js";
import { CsrfField } from "./console-page.js";
import { CONSOLE_PATH } from "./console-setup.js";

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

/** A kind of object the console deletes once its id is typed: its card and its route, together. */
export interface ConfirmedDelete {
  /** Mounts `POST <collection>/:id/delete`. */
  mount(app: Hono<ConsoleEnv>): void;
  /** The danger-zone card of one object's page. */
  Card(props: { id: string; csrfToken: string }): ReturnType<typeof DeleteCard>;
}

/**
 * Defines the confirmed delete of one kind of object, whose pages are `<collection>/<id>` under
 * the console: the card on its page and the route it posts to, which calls the Backend API (with
 * an audit line) and returns to the list.
 *
 * @example
 * const userDeletion = confirmedDelete({ collection: "/users", noun: "user", explanation: "…", action: "user.delete", apiPath: (id) => `/v1/users/${id}`, success: (id) => `User ${id} deleted.` });
 */
export function confirmedDelete(spec: {
  collection: string;
  noun: string;
  explanation: string;
  /** Audit action, e.g. `user.delete`. */
  action: string;
  /** The Backend API path that `DELETE` is sent to (the id already encoded). */
  apiPath: (encodedId: string) => string;
  success: (id: string) => string;
}): ConfirmedDelete {
  const pagePath = (id: string) => `${CONSOLE_PATH}${spec.collection}/${encodeURIComponent(id)}`;
  return {
    mount(app) {
      mountConfirmedDelete(app, `${spec.collection}/:id/delete`, (id) => ({
        noun: spec.noun,
        back: pagePath(id),
        change: {
          action: spec.action,
          targetId: id,
          call: (api) => api("DELETE", spec.apiPath(encodeURIComponent(id))),
          success: spec.success(id),
          redirectTo: `${CONSOLE_PATH}${spec.collection}`,
        },
      }));
    },
    Card: (props) => (
      <DeleteCard
        action={`${pagePath(props.id)}/delete`}
        csrfToken={props.csrfToken}
        noun={spec.noun}
        id={props.id}
        explanation={spec.explanation}
      />
    ),
  };
}
