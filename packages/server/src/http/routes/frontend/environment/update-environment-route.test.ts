import { describe, expect, it } from "vitest";
import { expectMatchesSpec, loadSpec } from "../../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../../test/test-instance.js";

const fapi = loadSpec("fapi");

describe("PATCH /v1/environment", () => {
  const instance = useTestInstance();

  it("answers the environment, as GET does, to clerk-js's development touch", async () => {
    const browser = instance.browser();
    const read = await browser.call("GET", "/v1/environment");
    // As clerk-js sends it: POST with `_method=PATCH`, an empty form body, the app's Origin.
    const touched = await browser.call(
      "POST",
      "/v1/environment?__clerk_api_version=2025-11-10&_method=PATCH",
      { form: {} },
    );
    expect(touched.status, JSON.stringify(touched.body)).toBe(200);
    expect(touched.body).toEqual(read.body);
    expectMatchesSpec(fapi, "Client.Environment", touched.body);
    expect(touched.setCookies).toEqual([]);
  });

  it("refuses a foreign Origin (403) and a missing one (422 without the header)", async () => {
    const browser = instance.browser();
    const foreign = await browser.call("PATCH", "/v1/environment", {
      origin: "https://evil.example",
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.errors[0].code).toBe("origin_invalid");

    await browser.call("POST", "/v1/client");
    const missing = await browser.call("PATCH", "/v1/environment", { origin: null });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0]).toMatchObject({
      code: "form_param_missing",
      meta: { param_name: "Origin" },
    });
  });
});
