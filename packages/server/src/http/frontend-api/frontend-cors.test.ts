import { describe, expect, it } from "vitest";
import { TEST_SECRET_KEY, useTestInstance } from "../../../test/test-instance.js";

const APP = "https://app.example.com";
const FOREIGN = "https://evil.example";

describe("Frontend API CORS", () => {
  const instance = useTestInstance({ frontendApi: { allowedOrigins: [APP] } });

  const expectReadableBy = (response: Response, origin: string) => {
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-expose-headers")?.split(", ")).toEqual(
      expect.arrayContaining(["Authorization", "Clerk-Db-Jwt", "Retry-After"]),
    );
    expect(response.headers.get("vary")).toMatch(/\bOrigin\b/);
  };
  const expectNoCors = (response: Response) => {
    for (const name of [
      "access-control-allow-origin",
      "access-control-allow-credentials",
      "access-control-expose-headers",
      "access-control-allow-methods",
    ]) {
      expect(response.headers.get(name), name).toBeNull();
    }
  };

  it("lets an allowed origin read answers with credentials, and sets cookies on them", async () => {
    const environment = await instance.fetch("/__clerk/v1/environment", {
      headers: { Origin: APP },
    });
    expect(environment.status).toBe(200);
    expectReadableBy(environment, APP);

    const created = await instance.fetch("/__clerk/v1/client", {
      method: "POST",
      headers: { Origin: APP, "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(created.status).toBe(200);
    expectReadableBy(created, APP);
    expect(created.headers.getSetCookie().some((c) => c.startsWith("__client="))).toBe(true);

    // clerk-js's DELETE, as it sends it.
    const cookie = created.headers.getSetCookie().find((c) => c.startsWith("__client="));
    const signedOut = await instance.fetch("/__clerk/v1/client/sessions?_method=DELETE", {
      method: "POST",
      headers: { Origin: APP, Cookie: cookie?.split(";")[0] ?? "" },
    });
    expect(signedOut.status).toBe(200);
    expectReadableBy(signedOut, APP);
  });

  it("gives a foreign or missing origin no CORS headers (the browser hides the answer)", async () => {
    const foreign = await instance.fetch("/__clerk/v1/environment", {
      headers: { Origin: FOREIGN },
    });
    expect(foreign.status).toBe(200);
    expectNoCors(foreign);
    expect(foreign.headers.get("vary")).toMatch(/\bOrigin\b/);

    const refused = await instance.fetch("/__clerk/v1/client", {
      method: "POST",
      headers: { Origin: FOREIGN },
    });
    expect(refused.status).toBe(403);
    expectNoCors(refused);

    const none = await instance.fetch("/__clerk/v1/environment");
    expectNoCors(none);
    expect(none.headers.get("vary")).toMatch(/\bOrigin\b/);

    // `null` (sandboxed frames, file: pages) is not an allowed origin.
    expectNoCors(await instance.fetch("/__clerk/v1/environment", { headers: { Origin: "null" } }));
  });

  it("lets an allowed origin read error envelopes (401, 404, 422)", async () => {
    const signedOut = await instance.fetch("/__clerk/v1/client", {
      method: "DELETE",
      headers: { Origin: APP },
    });
    expect(signedOut.status).toBe(401);
    expectReadableBy(signedOut, APP);
    expect((await signedOut.json()).errors[0].code).toBe("signed_out");

    const unknown = await instance.fetch("/__clerk/v1/nowhere", { headers: { Origin: APP } });
    expect(unknown.status).toBe(404);
    expectReadableBy(unknown, APP);
    expect((await unknown.json()).errors[0].code).toBe("resource_not_found");

    const invalid = await instance.fetch("/__clerk/v1/client/sign_ins", {
      method: "POST",
      headers: { Origin: APP, "Content-Type": "application/x-www-form-urlencoded" },
      body: "redirect_url=https%3A%2F%2Fevil.example%2F",
    });
    expect(invalid.status).toBe(422);
    expectReadableBy(invalid, APP);
    expect((await invalid.json()).errors[0].code).toBe("redirect_url_invalid");
  });

  it("answers an allowed origin's preflight 204 with methods, the allowed headers and max-age", async () => {
    const preflight = (path: string, origin: string, requestHeaders?: string) =>
      instance.fetch(path, {
        method: "OPTIONS",
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "POST",
          ...(requestHeaders === undefined
            ? {}
            : { "Access-Control-Request-Headers": requestHeaders }),
        },
      });

    const answer = await preflight(
      "/__clerk/v1/client/sign_ins",
      APP,
      "Content-Type, Authorization, X-Requested-With, X-Forwarded-For, x-latchkey-forwarded-client",
    );
    expect(answer.status).toBe(204);
    expect(await answer.text()).toBe("");
    expect(answer.headers.get("access-control-allow-origin")).toBe(APP);
    expect(answer.headers.get("access-control-allow-credentials")).toBe("true");
    expect(answer.headers.get("access-control-allow-methods")).toBe(
      "GET, POST, PATCH, PUT, DELETE",
    );
    expect(answer.headers.get("access-control-allow-headers")).toBe(
      "content-type, authorization, x-requested-with",
    );
    expect(answer.headers.get("access-control-max-age")).toBe("600");
    expect(answer.headers.get("vary")).toContain("Origin");
    expect(answer.headers.getSetCookie()).toEqual([]);

    // Any path under the prefix: an unknown one then answers its 404 readably.
    const unknownPath = await preflight("/__clerk/v1/nowhere", APP);
    expect(unknownPath.status).toBe(204);
    expect(unknownPath.headers.get("access-control-allow-headers")).toBeNull();

    const foreign = await preflight("/__clerk/v1/client/sign_ins", FOREIGN, "content-type");
    expect(foreign.status).toBe(403);
    expectNoCors(foreign);
    expect(foreign.headers.get("access-control-allow-headers")).toBeNull();
    expect((await foreign.json()).errors[0].code).toBe("origin_invalid");

    // OPTIONS without Access-Control-Request-Method is no preflight: no route answers it.
    const plain = await instance.fetch("/__clerk/v1/client", {
      method: "OPTIONS",
      headers: { Origin: APP },
    });
    expect(plain.status).toBe(404);
    expectReadableBy(plain, APP);
  });

  it("lets allowed origins read profile images (crossOrigin=anonymous), errors included", async () => {
    const avatar = await instance.fetch("/v1/images/default", { headers: { Origin: APP } });
    expect(avatar.status).toBe(200);
    expect(avatar.headers.get("access-control-allow-origin")).toBe(APP);
    expect(avatar.headers.get("access-control-allow-credentials")).toBeNull();
    expect(avatar.headers.get("vary")).toBe("Origin");

    const foreign = await instance.fetch("/v1/images/default", { headers: { Origin: FOREIGN } });
    expect(foreign.status).toBe(200);
    expectNoCors(foreign);
    expect(foreign.headers.get("vary")).toBe("Origin");

    const missing = await instance.fetch("/v1/images/img_missing", { headers: { Origin: APP } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("access-control-allow-origin")).toBe(APP);

    // Under the Frontend API's prefix too (behind Clerk's proxy the browser reaches only that).
    const proxied = await instance.fetch("/__clerk/v1/images/default", {
      headers: { Origin: APP },
    });
    expect(proxied.status).toBe(200);
    expect(proxied.headers.get("content-type")).toBe("image/svg+xml");
    expect(proxied.headers.get("access-control-allow-origin")).toBe(APP);

    // The Backend API itself is not for browsers: no CORS.
    const users = await instance.fetch("/v1/users", { headers: { Origin: APP } });
    expect(users.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("links profile images through the app's proxy URL when Clerk's proxy sends the request", async () => {
    const email = "proxied-avatar@example.com";
    await instance.call("POST", "/v1/users", {
      body: { email_address: [email], password: "correct-horse-battery-42" },
    });
    const signIn = async (headers: Record<string, string>) => {
      const answer = await instance.browser().call("POST", "/v1/client/sign_ins", {
        origin: APP,
        headers,
        form: { identifier: email, password: "correct-horse-battery-42", strategy: "password" },
      });
      expect(answer.status).toBe(200);
      const session = answer.body.client.sessions[0];
      return { user: session.user.image_url, public: session.public_user_data.image_url };
    };

    const viaProxy = await signIn({
      "Clerk-Secret-Key": TEST_SECRET_KEY,
      "Clerk-Proxy-Url": `${APP}/__clerk`,
    });
    expect(viaProxy.user).toBe(`${APP}/__clerk/v1/images/default`);
    expect(viaProxy.public).toBe(`${APP}/__clerk/v1/images/default`);

    // Without the secret key the header is a stranger's claim: images stay on the instance.
    const forged = await signIn({ "Clerk-Proxy-Url": "https://evil.example/__clerk" });
    expect(forged.user).toBe(`${instance.baseUrl}/v1/images/default`);
  });
});
