/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context, Hono } from "hono";
import type { SessionJson } from "../../../wire/session-json.js";
import type { UserJson } from "../../../wire/user-json.js";
import { recordConsoleChange, runConsoleChange } from "../../console-action.js";
import { describeApiErrors } from "../../console-api.js";
import type { ConsoleEnv } from "../../console-env.js";
import { setFlash } from "../../console-flash.js";
import { formText } from "../../console-form.js";
import { type MetadataDraft, saveConsoleMetadata } from "../../console-metadata.js";
import { renderPage } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import {
  CreateUserPage,
  NEW_USER_FIELDS,
  type NewUserForm,
  newUserBody,
} from "./create-user-page.js";
import { userDeletion } from "./user-deletion.js";
import { readUserListParams, userListQuery } from "./user-list-params.js";
import { USER_METADATA_FIELDS, type UserMembershipJson, UserPage } from "./user-page.js";
import { UsersListPage } from "./users-list-page.js";

const userPath = (id: string) => `${CONSOLE_PATH}/users/${encodeURIComponent(id)}`;
async function showUser(
  c: Context<ConsoleEnv>,
  id: string,
  draft: MetadataDraft | null = null,
): Promise<Response> {
  const api = c.get("api");
  const path = encodeURIComponent(id);
  const [user, sessions, memberships] = await Promise.all([
    api<UserJson>("GET", `/v1/users/${path}`),
    api<SessionJson[]>("GET", `/v1/sessions?user_id=${path}&status=active&limit=100`),
    api<{ data: UserMembershipJson[] }>(
      "GET",
      `/v1/users/${path}/organization_memberships?limit=100`,
    ),
  ]);
  if (!user.ok) {
    return renderPage(c, {
      title: "User not found",
      active: "users",
      status: 404,
      body: <h1>No user {id}</h1>,
    });
  }
  return renderPage(c, {
    title: user.data.id,
    active: "users",
    ...(draft === null ? {} : { status: 422 as const }),
    body: (
      <UserPage
        user={user.data}
        sessions={sessions.ok ? sessions.data : []}
        memberships={memberships.ok ? memberships.data.data : []}
        csrfToken={c.get("csrfToken")}
        draft={draft}
      />
    ),
  });
}

/** One-click changes of a user's page: the audit action and the Backend API call. */
const USER_ACTIONS = {
  ban: { method: "POST", suffix: "/ban", success: "User banned." },
  unban: { method: "POST", suffix: "/unban", success: "User unbanned." },
  lock: { method: "POST", suffix: "/lock", success: "User locked." },
  unlock: { method: "POST", suffix: "/unlock", success: "User unlocked." },
} as const;

/** The Users section: list, create, a user's page and the changes made there. */
export function mountUsersSection(app: Hono<ConsoleEnv>): void {
  app.get("/users", async (c) => {
    const params = readUserListParams((name) => c.req.query(name));
    const { store, clock } = c.get("setup").services;
    const now = clock.now();
    const { filter, page } = userListQuery(params, now);
    const [users, total] = await Promise.all([
      store.listUsers(filter, page),
      store.countUsers(filter),
    ]);
    return renderPage(c, {
      title: "Users",
      active: "users",
      body: <UsersListPage params={params} users={users} total={total} now={now} />,
    });
  });

  const emptyForm = Object.fromEntries(NEW_USER_FIELDS.map((f) => [f.name, ""])) as NewUserForm;
  app.get("/users/new", (c) =>
    renderPage(c, {
      title: "Create user",
      active: "users",
      body: <CreateUserPage csrfToken={c.get("csrfToken")} form={emptyForm} error={null} />,
    }),
  );
  app.post("/users/new", async (c) => {
    const raw = await c.req.parseBody();
    const form = Object.fromEntries(
      NEW_USER_FIELDS.map((f) => [f.name, formText(raw, f.name)]),
    ) as NewUserForm;
    const result = await c.get("api")<UserJson>("POST", "/v1/users", newUserBody(form));
    if (!result.ok) {
      return renderPage(c, {
        title: "Create user",
        active: "users",
        status: 422,
        body: (
          <CreateUserPage
            csrfToken={c.get("csrfToken")}
            form={form}
            error={describeApiErrors(result.errors)}
          />
        ),
      });
    }
    await recordConsoleChange(c, "user.create", result.data.id);
    setFlash(c, { kind: "success", text: "User created." });
    return c.redirect(userPath(result.data.id), 303);
  });

  app.get("/users/:id", (c) => showUser(c, c.req.param("id")));

  for (const [action, spec] of Object.entries(USER_ACTIONS)) {
    app.post(`/users/:id/${action}`, (c) => {
      const id = c.req.param("id");
      return runConsoleChange(c, {
        action: `user.${action}`,
        targetId: id,
        call: (api) => api(spec.method, `/v1/users/${encodeURIComponent(id)}${spec.suffix}`),
        success: spec.success,
        redirectTo: userPath(id),
      });
    });
  }

  app.post("/users/:id/metadata", (c) => {
    const id = c.req.param("id");
    return saveConsoleMetadata(c, {
      fields: USER_METADATA_FIELDS,
      path: `/v1/users/${encodeURIComponent(id)}/metadata`,
      action: "user.metadata_replace",
      targetId: id,
      redirectTo: userPath(id),
      reshow: (draft) => showUser(c, id, draft),
    });
  });

  app.post("/users/:id/password", async (c) => {
    const id = c.req.param("id");
    const form = await c.req.parseBody();
    const signOut = formText(form, "sign_out_of_other_sessions") === "true";
    return runConsoleChange(c, {
      action: "user.password_reset",
      targetId: id,
      detail: { signed_out: signOut },
      call: (api) =>
        api("PATCH", `/v1/users/${encodeURIComponent(id)}`, {
          password: formText(form, "password"),
          sign_out_of_other_sessions: signOut,
        }),
      success: "Password set.",
      redirectTo: userPath(id),
    });
  });

  app.post("/users/:id/sessions/revoke-all", (c) => {
    const id = c.req.param("id");
    return runConsoleChange(c, {
      action: "user.sessions_revoke_all",
      targetId: id,
      call: async (api) => {
        const sessions = await api<SessionJson[]>(
          "GET",
          `/v1/sessions?user_id=${encodeURIComponent(id)}&status=active&limit=500`,
        );
        if (!sessions.ok) return sessions;
        for (const session of sessions.data) {
          const revoked = await api(
            "POST",
            `/v1/sessions/${encodeURIComponent(session.id)}/revoke`,
          );
          if (!revoked.ok) return revoked;
        }
        return sessions;
      },
      success: "All sessions revoked.",
      redirectTo: userPath(id),
    });
  });

  app.post("/users/:id/sessions/:sessionId/revoke", async (c) => {
    const id = c.req.param("id");
    const sessionId = c.req.param("sessionId");
    // Only a session of this user is revoked from this user's page.
    const session = await c.get("api")<SessionJson>(
      "GET",
      `/v1/sessions/${encodeURIComponent(sessionId)}`,
    );
    if (session.ok && session.data.user_id !== id) {
      setFlash(c, { kind: "error", text: "That session belongs to another user." });
      return c.redirect(userPath(id), 303);
    }
    return runConsoleChange(c, {
      action: "session.revoke",
      targetId: sessionId,
      detail: { user_id: id },
      call: (api) => api("POST", `/v1/sessions/${encodeURIComponent(sessionId)}/revoke`),
      success: "Session revoked.",
      redirectTo: userPath(id),
    });
  });

  userDeletion.mount(app);
}
