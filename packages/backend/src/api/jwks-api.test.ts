import { expect } from "vitest";
import { describeApiScenarios } from "./api-scenarios.test-helpers.js";
import type { Jwks } from "./resources/jwks.js";

const jwks = {
  keys: [
    {
      use: "sig",
      kty: "RSA",
      kid: "ins_2abc",
      alg: "RS256",
      n: "sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw",
      e: "AQAB",
    },
  ],
};

describeApiScenarios("jwks api", [
  {
    name: "getJwks fetches the key set",
    call: (api) => api.jwks.getJwks(),
    expected: [{ method: "GET", path: "/jwks" }],
    reply: () => jwks,
    check: (result) => {
      const set = result as Jwks;
      expect(set.keys).toHaveLength(1);
      expect(set.keys[0]).toEqual(jwks.keys[0]);
    },
  },
  {
    name: "getJWKS is the same call",
    call: (api) => api.jwks.getJWKS(),
    expected: [{ method: "GET", path: "/jwks" }],
    reply: () => jwks,
    check: (result) => expect((result as Jwks).keys[0]?.kid).toBe("ins_2abc"),
  },
  {
    name: "an empty key set is fine",
    call: (api) => api.jwks.getJwks(),
    expected: [{ method: "GET", path: "/jwks" }],
    reply: () => ({ keys: [] }),
    check: (result) => expect(result).toEqual({ keys: [] }),
  },
]);
