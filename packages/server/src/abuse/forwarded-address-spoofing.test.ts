/**
 * Abuse: spreading attempts over made-up addresses. `X-Forwarded-For` (and `X-Real-IP`,
 * `Forwarded`) from a caller that is not a trusted proxy is ignored, in process and over HTTP, so
 * rotating it leaves every attempt on one per-IP bucket. The app's signed header, and a trusted
 * proxy's `X-Forwarded-For`, are what spread real clients over buckets.
 */
import { describe, expect, it } from "vitest";
import { forwardedClientHeader } from "../../test/forwarded-client-header.js";
import { useTestInstance } from "../../test/test-instance.js";
import { RATE_LIMIT_RULES } from "../rate-limits/rate-limit-rules.js";

const LIMIT = RATE_LIMIT_RULES.signInIp.limit;

/** Sign-in attempts for unknown identifiers, each claiming another address. */
async function rotate(
  instance: ReturnType<typeof useTestInstance>,
  count: number,
  headersFor: (i: number) => Record<string, string>,
): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await instance.browser().call("POST", "/v1/client/sign_ins", {
      form: { identifier: `nobody${i}@spoof.example` },
      headers: headersFor(i),
    });
    statuses.push(answer.status);
  }
  return statuses;
}

const spoofed = (i: number) => ({
  "X-Forwarded-For": `198.51.${i % 250}.${(i * 7) % 250}`,
  "X-Real-IP": `203.0.113.${i % 250}`,
  Forwarded: `for=192.0.2.${i % 250}`,
});

for (const overHttp of [false, true]) {
  describe(`abuse: forwarded-address spoofing ${overHttp ? "over HTTP" : "in process"}`, () => {
    const instance = useTestInstance({ overHttp });

    it("rotating X-Forwarded-For does not spread attempts: the per-IP limit holds", async () => {
      const statuses = await rotate(instance, LIMIT + 3, spoofed);
      expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(422));
      expect(statuses.slice(LIMIT)).toEqual([429, 429, 429]);
      instance.clock.advance(61_000);
    });

    it("the app's signed header does spread them (it is the app that saw the address)", async () => {
      const statuses = await rotate(instance, LIMIT + 3, (i) =>
        forwardedClientHeader(`198.51.100.${i + 1}`, { nowMs: instance.clock.now() }),
      );
      expect(statuses).toEqual(Array(LIMIT + 3).fill(422));
      instance.clock.advance(61_000);
    });
  });
}

describe("abuse: forwarded-address spoofing behind a trusted proxy", () => {
  const instance = useTestInstance({
    overHttp: true,
    frontendApi: { trustedProxies: ["loopback"] },
  });

  it("a trusted proxy's X-Forwarded-For is believed (the test client stands in for the proxy)", async () => {
    const statuses = await rotate(instance, LIMIT + 3, (i) => ({
      "X-Forwarded-For": `198.51.100.${i + 1}`,
    }));
    expect(statuses).toEqual(Array(LIMIT + 3).fill(422));
  });
});
