import { ClerkAPIResponseError, ClerkNetworkError } from "@latchkey/backend";
import { describe, expect, it } from "vitest";
import { createFrontendApiClient, FrontendApiResponseError } from "./frontend-api-client.js";

function recordingFetch(answer: () => Response) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return answer();
  }) as typeof fetch;
  return { calls, fetchFn };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("createFrontendApiClient", () => {
  it("sends PATCH as a form-encoded POST with _method and skips undefined values", async () => {
    const { calls, fetchFn } = recordingFetch(() => json({ response: { id: "x" }, client: null }));
    const fapi = createFrontendApiClient({ baseUrl: "/__clerk/", fetch: fetchFn });
    const answer = await fapi.request("PATCH", "/v1/me", {
      first_name: "Ada",
      username: undefined,
    });
    expect(answer).toEqual({ response: { id: "x" }, client: null });
    expect(calls[0]?.url).toBe("/__clerk/v1/me?_method=PATCH");
    expect(calls[0]?.init?.method).toBe("POST");
    expect(calls[0]?.init?.body).toBe("first_name=Ada");
    expect(calls[0]?.init?.credentials).toBe("include");
  });

  it("sends GET parameters in the query", async () => {
    const { calls, fetchFn } = recordingFetch(() => json({ response: [], client: null }));
    const fapi = createFrontendApiClient({ fetch: fetchFn });
    await fapi.request(
      "GET",
      "/v1/me/organization_memberships",
      { limit: 10 },
      { _clerk_session_id: "sess_1" },
    );
    expect(calls[0]?.url).toBe(
      "/__clerk/v1/me/organization_memberships?_clerk_session_id=sess_1&limit=10",
    );
    expect(calls[0]?.init?.body).toBeUndefined();
  });

  it("turns Clerk's error envelope into a ClerkAPIResponseError with camelized fields", async () => {
    const client = { object: "client", id: "client_1", sessions: [] };
    const { fetchFn } = recordingFetch(() =>
      json(
        {
          errors: [
            {
              code: "form_password_incorrect",
              message: "Password is incorrect.",
              long_message: "Password is incorrect. Try again.",
              meta: { param_name: "password" },
            },
          ],
          meta: { client },
          clerk_trace_id: "trace_1",
        },
        422,
      ),
    );
    const fapi = createFrontendApiClient({ fetch: fetchFn });
    const error = await fapi.request("POST", "/v1/client/sign_ins", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClerkAPIResponseError);
    expect(error).toBeInstanceOf(FrontendApiResponseError);
    expect(error).toMatchObject({
      status: 422,
      clerkTraceId: "trace_1",
      client,
      errors: [
        {
          code: "form_password_incorrect",
          longMessage: "Password is incorrect. Try again.",
          meta: { paramName: "password" },
        },
      ],
    });
  });

  it("reports an unreachable instance as a ClerkNetworkError", async () => {
    const fapi = createFrontendApiClient({
      fetch: (async () => {
        throw new TypeError("fetch failed");
      }) as typeof fetch,
    });
    await expect(fapi.request("GET", "/v1/client")).rejects.toBeInstanceOf(ClerkNetworkError);
  });
});
