/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ConsoleEnv } from "./console-env.js";
import { type ConsoleFlash, takeFlash } from "./console-flash.js";
import { CONSOLE_PATH } from "./console-setup.js";

/** The console's sections, in the order the navigation lists them. */
export const CONSOLE_SECTIONS = [
  { key: "overview", label: "Overview", path: "" },
  { key: "users", label: "Users", path: "/users" },
  { key: "organizations", label: "Organizations", path: "/organizations" },
  { key: "jwt-templates", label: "JWT templates", path: "/jwt-templates" },
  { key: "webhooks", label: "Webhooks", path: "/webhooks" },
  { key: "instance", label: "Keys & instance", path: "/instance" },
  { key: "audit", label: "Audit log", path: "/audit" },
] as const;

export type ConsoleSection = (typeof CONSOLE_SECTIONS)[number]["key"];

interface ShellProps {
  title: string;
  active: ConsoleSection | null;
  actor: string | null;
  csrfToken: string | null;
  flash: ConsoleFlash | null;
  children: Child;
}

function Shell(props: ShellProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Latchkey console`}</title>
        <link rel="stylesheet" href={`${CONSOLE_PATH}/assets/console.css`} />
        <script src={`${CONSOLE_PATH}/assets/console.js`} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="topbar">
          <a class="brand" href={CONSOLE_PATH}>
            Latchkey console
          </a>
          {props.actor !== null && props.csrfToken !== null ? (
            <form method="post" action={`${CONSOLE_PATH}/sign-out`} class="topbar-form">
              <span class="actor">Signed in as {props.actor}</span>
              <input type="hidden" name="_csrf" value={props.csrfToken} />
              <button type="submit" class="button secondary">
                Sign out
              </button>
            </form>
          ) : null}
        </header>
        <div class="layout">
          {props.active !== null ? (
            <nav aria-label="Console sections" class="sidebar">
              <ul>
                {CONSOLE_SECTIONS.map((section) => (
                  <li>
                    <a
                      href={`${CONSOLE_PATH}${section.path}`}
                      aria-current={section.key === props.active ? "page" : undefined}
                    >
                      {section.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <main id="main" tabindex={-1}>
            {props.flash !== null ? (
              <p
                class={`flash ${props.flash.kind}`}
                role={props.flash.kind === "error" ? "alert" : "status"}
              >
                {props.flash.text}
              </p>
            ) : null}
            {props.children}
          </main>
        </div>
      </body>
    </html>
  );
}

/**
 * Answers a console page: the shell (navigation, the signed-in actor, the one-time message) around
 * `body`. Pages of a session carry its CSRF token in every form.
 *
 * @example
 * return renderPage(c, { title: "Users", active: "users", body: <UsersTable … /> });
 */
export function renderPage(
  c: Context<ConsoleEnv>,
  page: {
    title: string;
    active: ConsoleSection | null;
    body: Child;
    status?: 200 | 401 | 404 | 422 | 429;
  },
): Response | Promise<Response> {
  const session = c.get("session") as ConsoleEnv["Variables"]["session"] | undefined;
  const html = (
    <Shell
      title={page.title}
      active={session === undefined ? null : page.active}
      actor={session?.actor ?? null}
      csrfToken={session === undefined ? null : c.get("csrfToken")}
      flash={takeFlash(c)}
    >
      {page.body}
    </Shell>
  );
  return c.html(`<!doctype html>${html}`, page.status ?? 200);
}

/** A form that posts one action (with the session's CSRF token), as a single button. */
export function ActionForm(props: {
  action: string;
  csrfToken: string;
  label: string;
  /** Asked in a confirmation dialog before the form is sent. */
  confirm?: string;
  danger?: boolean;
  fields?: Record<string, string>;
}) {
  return (
    <form method="post" action={props.action} class="inline-form" data-confirm={props.confirm}>
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.danger ? "button danger" : "button secondary"}>
        {props.label}
      </button>
    </form>
  );
}

/** The hidden CSRF field every console form carries. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** A date-time for tables, in UTC. */
export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
