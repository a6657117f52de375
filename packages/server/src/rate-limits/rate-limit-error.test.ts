import { describe, expect, it } from "vitest";
import { errorResponse } from "../http/error-response.js";
import { rateLimitError } from "./rate-limit-error.js";

describe("rateLimitError", () => {
  it("is too_many_requests (429) with whole seconds in meta.retry_after, at least 1", () => {
    expect(rateLimitError(41.2).meta).toEqual({ retry_after: 42 });
    expect(rateLimitError(0).meta).toEqual({ retry_after: 1 });
    const error = rateLimitError(30);
    expect([error.code, error.status]).toEqual(["too_many_requests", 429]);
  });

  it("is answered with Retry-After and Clerk's envelope", async () => {
    const response = errorResponse([rateLimitError(17)], "trace");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("17");
    const body = (await response.json()) as { errors: Array<{ code: string; meta: unknown }> };
    expect(body.errors[0]).toMatchObject({ code: "too_many_requests", meta: { retry_after: 17 } });
  });
});
