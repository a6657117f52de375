import { describe, expect, it } from "vitest";
import type { ClaimedWebhookDelivery } from "../store/webhook-store.js";
import { sendWebhook } from "./send-webhook.js";
import { generateWebhookSecret } from "./webhook-secret.js";

const secret = generateWebhookSecret();
const delivery: ClaimedWebhookDelivery = {
  id: "whd_1",
  eventId: "msg_1",
  endpointId: "whe_1",
  attempt: 1,
  leaseToken: "lease",
  url: "https://hooks.example.com/x?token=private",
  secrets: [secret],
  body: '{"object":"event"}',
};
const options = { now: 1_767_225_600_999, timeoutMs: 1_000, userAgent: "Test/1" };

/** A fetch that records its calls and answers what `answer` gives. */
function fakeFetch(answer: () => Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fn = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return answer();
  }) as typeof fetch;
  return { fn, calls };
}

describe("sendWebhook", () => {
  it("POSTs the body with the Svix and Standard Webhooks headers, not following redirects", async () => {
    const fake = fakeFetch(async () => new Response(null, { status: 204 }));
    const result = await sendWebhook(delivery, { ...options, fetch: fake.fn });
    expect(result).toEqual({ ok: true, statusCode: 204 });
    const [call] = fake.calls;
    expect(call?.url).toBe(delivery.url);
    expect(call?.init).toMatchObject({ method: "POST", body: delivery.body, redirect: "manual" });
    const headers = call?.init.headers as Record<string, string>;
    expect(headers).toMatchObject({
      "Content-Type": "application/json",
      "User-Agent": "Test/1",
      "svix-id": "msg_1",
      "svix-timestamp": "1767225600",
      "webhook-id": "msg_1",
      "webhook-timestamp": "1767225600",
    });
    expect(headers["svix-signature"]).toMatch(/^v1,/);
    expect(headers["webhook-signature"]).toBe(headers["svix-signature"]);
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it("treats a redirect as a failure", async () => {
    const fake = fakeFetch(
      async () => new Response(null, { status: 302, headers: { Location: "https://elsewhere" } }),
    );
    expect(await sendWebhook(delivery, { ...options, fetch: fake.fn })).toEqual({
      ok: false,
      statusCode: 302,
      error: "HTTP 302",
    });
  });

  it("keeps a short, single-line excerpt of an error answer", async () => {
    const fake = fakeFetch(async () => new Response(`bad\n\n${"x".repeat(500)}`, { status: 422 }));
    const result = await sendWebhook(delivery, { ...options, fetch: fake.fn });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.statusCode).toBe(422);
    expect(result.error.startsWith("HTTP 422: bad x")).toBe(true);
    expect(result.error.length).toBeLessThan(220);
  });

  it("describes network errors by code, without the URL", async () => {
    const fake = fakeFetch(async () => {
      throw new TypeError(`fetch failed for ${delivery.url}`, {
        cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      });
    });
    const result = await sendWebhook(delivery, { ...options, fetch: fake.fn });
    expect(result).toEqual({ ok: false, statusCode: null, error: "network error (ECONNREFUSED)" });
  });

  it("times out through the AbortSignal", async () => {
    const hanging = (async (_url: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      })) as typeof fetch;
    const result = await sendWebhook(delivery, { ...options, timeoutMs: 20, fetch: hanging });
    expect(result).toEqual({ ok: false, statusCode: null, error: "timed out after 20 ms" });
  });
  it("reads at most 4 KiB of an answer however long, and keeps 200 characters of it", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode("b".repeat(1024)));
      },
    });
    const fake = fakeFetch(async () => new Response(endless, { status: 500 }));
    const result = await sendWebhook(delivery, { ...options, fetch: fake.fn });
    expect(result).toEqual({ ok: false, statusCode: 500, error: `HTTP 500: ${"b".repeat(200)}…` });
    expect(pulled).toBeLessThanOrEqual(8);
  });

  it("redacts a secret the endpoint echoes across the snippet's cut", async () => {
    const answer = `${"x".repeat(190)}${secret}`;
    const fake = fakeFetch(async () => new Response(answer, { status: 400 }));
    const result = await sendWebhook(delivery, { ...options, fetch: fake.fn });
    expect(result.ok).toBe(false);
    const error = result.ok ? "" : result.error;
    expect(error).toContain("[redacted]");
    expect(error).not.toContain(secret.slice(0, 10));
    expect(error).not.toContain(secret.replace(/^whsec_/, "").slice(0, 4));
  });
});
