// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { decodeJwtPayload } from "../../internal/decode-jwt-payload.js";
import type { InitialAuthState } from "../internal/auth-state.js";
import {
  Capture,
  createBrowserFetch,
  renderWithProvider,
  signUpUser,
  useTestInstance,
} from "../internal/test-app.test-helpers.js";
import { useAuth } from "./use-auth.js";
import { useUser } from "./use-user.js";

function AuthProbe(props: { renders: Array<boolean | undefined> }) {
  const auth = useAuth();
  const { user } = useUser();
  props.renders.push(auth.isSignedIn);
  return (
    <p data-testid="auth">
      {auth.isLoaded
        ? auth.isSignedIn
          ? `in:${auth.userId}:${auth.sessionId}`
          : "out"
        : "loading"}
      {user ? ` user:${user.primaryEmailAddress?.emailAddress}` : ""}
    </p>
  );
}

function UserName() {
  const { user } = useUser();
  return <p data-testid="name">{user?.fullName ?? "no name"}</p>;
}

describe("useAuth / useUser against a real instance", () => {
  const instance = useTestInstance();
  afterEach(cleanup);

  it("is signed in from the first render when hydrated from the server's state (no flash)", async () => {
    const browser = createBrowserFetch(instance);
    const { userId, sessionId } = await signUpUser(instance, browser, "hydrated@example.com");
    const initialState: InitialAuthState = {
      userId,
      sessionId,
      orgId: null,
      orgRole: null,
      orgSlug: null,
      sessionClaims: null,
    };
    const renders: Array<boolean | undefined> = [];
    renderWithProvider(<AuthProbe renders={renders} />, { browser, initialState });
    expect(renders[0]).toBe(true);
    expect(screen.getByTestId("auth").textContent).toBe(`in:${userId}:${sessionId}`);
    await waitFor(() =>
      expect(screen.getByTestId("auth").textContent).toBe(
        `in:${userId}:${sessionId} user:hydrated@example.com`,
      ),
    );
    expect(renders.every((r) => r === true)).toBe(true);
  });

  it("without initial state, reports not loaded first, then signed out", async () => {
    const browser = createBrowserFetch(instance);
    const renders: Array<boolean | undefined> = [];
    renderWithProvider(<AuthProbe renders={renders} />, { browser });
    expect(renders[0]).toBeUndefined();
    await waitFor(() => expect(screen.getByTestId("auth").textContent).toBe("out"));
  });

  it("corrects a stale signed-in initial state once the client loads", async () => {
    const browser = createBrowserFetch(instance);
    const renders: Array<boolean | undefined> = [];
    renderWithProvider(<AuthProbe renders={renders} />, {
      browser,
      initialState: {
        userId: "user_gone",
        sessionId: "sess_gone",
        orgId: null,
        orgRole: null,
        orgSlug: null,
        sessionClaims: null,
      },
    });
    expect(renders[0]).toBe(true);
    await waitFor(() => expect(screen.getByTestId("auth").textContent).toBe("out"));
  });

  it("getToken() and getToken({ template }) mint tokens for the active session", async () => {
    const browser = createBrowserFetch(instance);
    const { userId, sessionId } = await signUpUser(instance, browser, "tokens@example.com");
    const created = await instance.call("POST", "/v1/jwt_templates", {
      body: { name: "backend", claims: { email: "{{user.primary_email_address}}", aud: "api" } },
    });
    expect(created.status).toBe(200);
    let auth: ReturnType<typeof useAuth> | undefined;
    const grab = (
      <Capture
        use={useAuth}
        into={(value) => {
          auth = value;
        }}
      />
    );
    renderWithProvider(grab, { browser });
    await waitFor(() => expect(auth?.isSignedIn).toBe(true));

    const session = await auth?.getToken();
    expect(decodeJwtPayload(session ?? "")).toMatchObject({ sub: userId, sid: sessionId });
    const template = await auth?.getToken({ template: "backend" });
    expect(decodeJwtPayload(template ?? "")).toMatchObject({
      sub: userId,
      email: "tokens@example.com",
      aud: "api",
    });
    expect(browser.requests).toContain(
      `POST /__clerk/v1/client/sessions/${sessionId}/tokens/backend`,
    );
    await expect(auth?.getToken({ template: "missing" })).rejects.toMatchObject({
      status: 404,
      errors: [expect.objectContaining({ code: "resource_not_found" })],
    });
  });

  it("getToken() is null and has() is false when signed out", async () => {
    const browser = createBrowserFetch(instance);
    let auth: ReturnType<typeof useAuth> | undefined;
    const grab = (
      <Capture
        use={useAuth}
        into={(value) => {
          auth = value;
        }}
      />
    );
    renderWithProvider(grab, { browser });
    await waitFor(() => expect(auth?.isSignedIn).toBe(false));
    expect(await auth?.getToken()).toBeNull();
    expect(auth?.has({ role: "org:admin" })).toBe(false);
  });
});

describe("useUser().user.update() against a real instance", () => {
  const instance = useTestInstance();
  afterEach(cleanup);

  it("updates the profile and the hooks see it", async () => {
    const browser = createBrowserFetch(instance);
    const { userId } = await signUpUser(instance, browser, "profile@example.com");
    let current: ReturnType<typeof useUser> | undefined;
    renderWithProvider(
      <>
        <Capture
          use={useUser}
          into={(value) => {
            current = value;
          }}
        />
        <UserName />
      </>,
      { browser },
    );
    await waitFor(() => expect(current?.user?.id).toBe(userId));
    expect(screen.getByTestId("name").textContent).toBe("no name");
    const updated = await current?.user?.update({ firstName: "Ada", lastName: "Lovelace" });
    expect(updated?.fullName).toBe("Ada Lovelace");
    await waitFor(() => expect(screen.getByTestId("name").textContent).toBe("Ada Lovelace"));
    const stored = await instance.call("GET", `/v1/users/${userId}`);
    expect(stored.body.first_name).toBe("Ada");
    await instance.call("PATCH", `/v1/users/${userId}`, { body: { first_name: "Augusta" } });
    const reloaded = await current?.user?.reload();
    expect(reloaded?.firstName).toBe("Augusta");
    await waitFor(() => expect(screen.getByTestId("name").textContent).toBe("Augusta Lovelace"));
  });
});
