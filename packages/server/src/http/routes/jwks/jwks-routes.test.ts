import { createPublicKey } from "node:crypto";
import { verifyToken } from "@latchkey/backend";
import { describe, expect, it } from "vitest";
import { expectMatchesSpec, loadSpec } from "../../../../test/openapi-shape.js";
import { TEST_SECRET_KEY, useTestInstance } from "../../../../test/test-instance.js";

const bapi = loadSpec("bapi");

const instance = useTestInstance();

describe("JWKS", () => {
  it("GET /v1/jwks answers the spec's JWKS with the instance's public RS256 key", async () => {
    const answer = await instance.call("GET", "/v1/jwks");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(answer.body.keys).toHaveLength(1);
    const [key] = answer.body.keys;
    expect(Object.keys(key).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
    expect(key).toMatchObject({ use: "sig", kty: "RSA", alg: "RS256", e: "AQAB" });
    expect(createPublicKey({ key, format: "jwk" }).asymmetricKeyDetails?.modulusLength).toBe(2048);
    expectMatchesSpec(bapi, "JWKS", answer.body);
  });

  it("requires the secret key for /v1/jwks", async () => {
    expect((await instance.call("GET", "/v1/jwks", { secretKey: null })).status).toBe(401);
    expect((await instance.call("GET", "/v1/jwks", { secretKey: "sk_test_nope" })).status).toBe(
      401,
    );
  });

  it("serves the same keys publicly at the well-known paths", async () => {
    const bapi = await instance.call("GET", "/v1/jwks");
    for (const path of ["/.well-known/jwks.json", "/__clerk/.well-known/jwks.json"]) {
      const answer = await instance.call("GET", path, { secretKey: null });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(bapi.body);
      expect(answer.headers.get("cache-control")).toBe("public, max-age=300");
    }
  });

  it("publishes a rotated-in key at once; tokens verify across the switch", async () => {
    const user = await instance.store.createUser({ firstName: "Ada" });
    const session = (await instance.call("POST", "/v1/sessions", { body: { user_id: user.id } }))
      .body;
    const mint = async () =>
      (await instance.call("POST", `/v1/sessions/${session.id}/tokens`)).body.jwt as string;
    const verify = (jwt: string) =>
      verifyToken(jwt, {
        secretKey: TEST_SECRET_KEY,
        apiUrl: instance.baseUrl,
        fetch: (input, init) => instance.handler(new Request(input, init)),
        now: () => instance.clock.now(),
      });
    const before = await mint();
    const { kid, activeAt } = await instance.signingKeys.rotate();
    const published = await instance.call("GET", "/v1/jwks");
    expect(published.body.keys.map((k: { kid: string }) => k.kid)).toContain(kid);
    await expect(verify(before)).resolves.toMatchObject({ sid: session.id });
    instance.clock.set(activeAt);
    const after = await mint();
    const header = JSON.parse(Buffer.from(after.split(".")[0] ?? "", "base64url").toString());
    expect(header.kid).toBe(kid);
    await expect(verify(after)).resolves.toMatchObject({ sid: session.id });
  });
});
