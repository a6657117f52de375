import { describe, expect, it } from "vitest";
import { TEST_SECRET_KEY, useTestInstance } from "../test/test-instance.js";

for (const overHttp of [false, true]) {
  describe(`the handler ${overHttp ? "over HTTP" : "in process"}`, () => {
    const instance = useTestInstance({ overHttp });

    it("answers /healthz without a key", async () => {
      const answer = await instance.call("GET", "/healthz", { secretKey: null });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ status: "ok" });
      expect(answer.headers.get("content-type")).toBe("application/json");
    });

    it("answers unknown routes with resource_not_found in Clerk's envelope", async () => {
      const answer = await instance.call("GET", "/v1/nothing-here");
      expect(answer.status).toBe(404);
      expect(answer.body.errors[0].code).toBe("resource_not_found");
      expect(typeof answer.body.clerk_trace_id).toBe("string");
    });

    it("never echoes the secret key", async () => {
      const response = await instance.fetch("/v1/nothing-here", {
        headers: { Authorization: `Bearer ${TEST_SECRET_KEY}` },
      });
      expect(await response.text()).not.toContain(TEST_SECRET_KEY);
    });
  });
}
