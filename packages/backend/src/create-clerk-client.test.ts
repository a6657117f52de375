import { describe, expect, it } from "vitest";
import { NOW_MS, PRIMARY_PUBLIC_PEM, sessionClaims, signToken } from "../test/token-fixtures.js";
import { createClerkClient } from "./create-clerk-client.js";

const SECRET_KEY = "sk_test_c2VjcmV0LWZvci1jbGllbnQtdGVzdHM";

function recordingFetch(answer: (request: Request) => Response) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    return answer(request);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });

describe("createClerkClient", () => {
  it("exposes every Backend API resource", () => {
    const clerk = createClerkClient({ secretKey: SECRET_KEY });
    for (const name of [
      "users",
      "emailAddresses",
      "phoneNumbers",
      "sessions",
      "jwtTemplates",
      "organizations",
      "invitations",
      "clients",
      "jwks",
    ] as const) {
      expect(typeof clerk[name]).toBe("object");
    }
  });

  it("authenticates a request with its own options and fetches template tokens from the API", async () => {
    const { fetch, requests } = recordingFetch(() => json({ object: "token", jwt: "tmpl.jwt.x" }));
    const clerk = createClerkClient({
      secretKey: SECRET_KEY,
      jwtKey: PRIMARY_PUBLIC_PEM,
      apiUrl: "https://instance.example.test",
      fetch,
      now: () => NOW_MS,
    });
    const token = signToken(sessionClaims());
    const state = await clerk.authenticateRequest(
      new Request("https://app.example.test/api", {
        headers: { Authorization: `Bearer ${token}` },
      }),
    );
    expect(state.status).toBe("signed-in");
    const auth = state.toAuth();
    expect(auth.userId).toBe("user_2abc");
    expect(await auth.getToken()).toBe(token);
    expect(await auth.getToken({ template: "demo-backend" })).toBe("tmpl.jwt.x");
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(
      "https://instance.example.test/v1/sessions/sess_2abc/tokens/demo-backend",
    );
    expect(request?.headers.get("authorization")).toBe(`Bearer ${SECRET_KEY}`);
  });

  it("lets per-call options override the client's (fails closed on a foreign azp)", async () => {
    const clerk = createClerkClient({ jwtKey: PRIMARY_PUBLIC_PEM, now: () => NOW_MS });
    const token = signToken(sessionClaims());
    const request = () =>
      new Request("https://app.example.test/api", {
        headers: { Authorization: `Bearer ${token}` },
      });
    expect((await clerk.authenticateRequest(request())).status).toBe("signed-in");
    const refused = await clerk.authenticateRequest(request(), {
      authorizedParties: ["https://elsewhere.example.test"],
    });
    expect(refused.status).toBe("signed-out");
    expect(refused.toAuth().userId).toBeNull();
  });
});

describe("createClerkClient: a jwtKey that is not a PEM public key", () => {
  it("throws jwk-local-missing at once when it cannot be PEM text (startup, not first request)", () => {
    const privateKey = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----";
    for (const jwtKey of ["not a key!", privateKey]) {
      expect(() => createClerkClient({ jwtKey })).toThrow(
        expect.objectContaining({ code: "jwk-local-missing" }),
      );
    }
    expect(() => createClerkClient({ jwtKey: PRIMARY_PUBLIC_PEM })).not.toThrow();
  });
});
