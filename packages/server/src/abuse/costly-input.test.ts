/**
 * Abuse: small input that would cost the instance a lot of work. Each case is input of a size the
 * limits allow, shaped to make one request (or every later use of a stored value) take seconds or
 * minutes of CPU or gigabytes of memory if the work were not bounded: a form body with one key
 * repeated (no sign-in needed), a JWT template whose claims defeat a regular expression, imported
 * password digests with extreme cost parameters, and template signing keys of extreme sizes. Each
 * must be refused (or handled) in ordinary time, in Clerk's error envelope, changing nothing.
 */
import { generateKeyPair } from "node:crypto";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { useTestInstance } from "../../test/test-instance.js";
import { databaseFingerprint } from "../fuzz/database-fingerprint.test-helpers.js";
import { DEFAULT_MAX_BODY_BYTES } from "../http/limit-request-body.js";
import { signUpThroughBrowser } from "../http/routes/frontend/frontend-flows.test-helpers.js";

const generateRsaKey = promisify(generateKeyPair);

async function rsaPem(bits: number): Promise<string> {
  const { privateKey } = await generateRsaKey("rsa", { modulusLength: bits });
  return privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

describe("abuse: input that costs work", () => {
  const instance = useTestInstance();

  it("a form body of one key repeated up to the body cap is refused, signed out (parsing is linear)", async () => {
    // ~520,000 fields of `identifier`; copying the array on every repeat took ~40 minutes.
    const body = "identifier=a&".repeat(Math.floor(DEFAULT_MAX_BODY_BYTES / 13));
    const before = await databaseFingerprint(instance.db);
    const response = await instance.fetch("/__clerk/v1/client/sign_ins", {
      method: "POST",
      headers: {
        Origin: "http://localhost:3000",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body,
    });
    expect(response.status).toBe(422);
    const { errors } = await response.json();
    expect(errors[0]).toMatchObject({
      code: "form_param_max_length_exceeded",
      meta: { param_name: "identifier" },
    });
    expect(await databaseFingerprint(instance.db)).toEqual(before);
  });

  it("a form key named __proto__ stays a field, not the body's prototype", async () => {
    const response = await instance.fetch("/__clerk/v1/client/sign_ins", {
      method: "POST",
      headers: {
        Origin: "http://localhost:3000",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "__proto__=x&__proto__=y&identifier=nobody%40example.com",
    });
    expect(response.status).toBeLessThan(500);
    expect((await response.json()).errors?.[0]?.code ?? "").not.toBe("internal_clerk_error");
  });

  it("a template claim of '{{' and 6,000 spaces mints in ordinary time, left as written", async () => {
    const { browser, sessionId } = await signUpThroughBrowser(instance, "spaces@example.com");
    // The claims' 8 KB allows this; the old pattern took ~1.5 minutes per string, per mint.
    const spaces = `{{${" ".repeat(6000)}`;
    const created = await instance.call("POST", "/v1/jwt_templates", {
      body: { name: "spaces", claims: { spaces, pair: `{{${" ".repeat(1500)}}}x` } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const answer = await browser.call("POST", `/v1/client/sessions/${sessionId}/tokens/spaces`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const payload = JSON.parse(Buffer.from(answer.body.jwt.split(".")[1], "base64url").toString());
    // An empty shortcode renders as null (an unknown path); the unclosed one stays text.
    expect(payload.spaces).toBe(spaces);
    expect(payload.pair).toBe("x");
  });

  describe("imported password digests with extreme cost parameters", () => {
    const salt = "c2FsdHNhbHRzYWx0c2FsdA";
    const hash = "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    const cases: Array<[string, string, string]> = [
      ["argon2id", "4 GiB of memory", `$argon2id$v=19$m=4194304,t=1,p=1$${salt}$${hash}`],
      ["argon2id", "a million passes", `$argon2id$v=19$m=19456,t=1000000,p=1$${salt}$${hash}`],
      ["argon2i", "256 MiB × 64 passes", `$argon2i$v=19$m=262144,t=64,p=1$${salt}$${hash}`],
      ["argon2id", "255 lanes", `$argon2id$v=19$m=65536,t=2,p=255$${salt}$${hash}`],
      ["bcrypt", "cost 31", `$2b$31$${"a".repeat(53)}`],
      ["bcrypt", "cost 99", `$2b$99$${"a".repeat(53)}`],
      ["phpass", "2^30 rounds", `$P$S${"a".repeat(30)}`],
      [
        "sha512_symfony",
        "a million iterations",
        `sha512_symfony$1000000$salt$${Buffer.alloc(64, 1).toString("base64")}`,
      ],
      [
        "pbkdf2_sha256",
        "a 700-byte hash (22 blocks of 10 million iterations)",
        `pbkdf2_sha256$10000000$c2FsdHNhbHQ=$${Buffer.alloc(700, 1).toString("base64")}`,
      ],
    ];
    for (const [hasher, what, digest] of cases) {
      it(`${hasher}, ${what}: refused with form_password_digest_invalid, nothing stored`, async () => {
        const before = await databaseFingerprint(instance.db);
        const answer = await instance.call("POST", "/v1/users", {
          body: {
            email_address: [`digest-${hasher}@example.com`],
            password_hasher: hasher,
            password_digest: digest,
          },
        });
        expect(answer.status, JSON.stringify(answer.body)).toBe(422);
        expect(answer.body.errors[0]).toMatchObject({
          code: "form_password_digest_invalid",
          meta: { param_name: "password_digest" },
        });
        expect(JSON.stringify(answer.body)).not.toContain(digest);
        expect(await databaseFingerprint(instance.db)).toEqual(before);
      });
    }
  });

  describe("JWT template signing keys", () => {
    for (const bits of [1024, 4160]) {
      it(`an RSA key of ${bits} bits is refused (each mint would sign with it)`, async () => {
        const before = await databaseFingerprint(instance.db);
        const answer = await instance.call("POST", "/v1/jwt_templates", {
          body: {
            name: `rsa-${bits}`,
            claims: {},
            custom_signing_key: true,
            signing_algorithm: "RS256",
            signing_key: await rsaPem(bits),
          },
        });
        expect(answer.status, JSON.stringify(answer.body)).toBe(422);
        expect(answer.body.errors[0]).toMatchObject({
          code: "form_param_format_invalid",
          meta: { param_name: "signing_key" },
        });
        expect(await databaseFingerprint(instance.db)).toEqual(before);
      });
    }

    it("an RSA key of 3072 bits is accepted", async () => {
      const answer = await instance.call("POST", "/v1/jwt_templates", {
        body: {
          name: "rsa-3072",
          claims: {},
          custom_signing_key: true,
          signing_algorithm: "RS256",
          signing_key: await rsaPem(3072),
        },
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    });
  });
});
