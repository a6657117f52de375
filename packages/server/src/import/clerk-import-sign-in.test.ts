import { describe, expect, it, vi } from "vitest";
import { startLocalCognito } from "../../test/local-cognito.js";
import { useTestInstance } from "../../test/test-instance.js";
import { decodeBase32 } from "../mfa/base32.js";
import { totpCode } from "../mfa/totp-code.js";
import { needsRehash } from "../passwords/needs-rehash.js";
import { clerkCsv, clerkUserId, EXPORT_HASHERS, makeDigest } from "./clerk-export.test-helpers.js";
import { importClerkUsers } from "./import-clerk-users.js";

const HASHERS = EXPORT_HASHERS;

describe("users imported from Clerk sign in through the Frontend API", () => {
  const instance = useTestInstance();

  it("with the password from the export, for every hasher; the digest is then ours (argon2id)", async () => {
    const rows = [];
    for (const [n, hasher] of HASHERS.entries()) {
      rows.push({
        id: clerkUserId(n),
        first_name: "Imported",
        primary_email_address: `moved${n}@example.com`,
        verified_email_addresses: `moved${n}@example.com`,
        password_digest: await makeDigest(hasher, `Clerk-password-${n}!`),
        password_hasher: hasher,
      });
    }
    const report = await importClerkUsers({ store: instance.store, csv: clerkCsv(rows) });
    expect(report).toMatchObject({ created: HASHERS.length, refused: [] });

    for (const [n, hasher] of HASHERS.entries()) {
      const browser = instance.browser();
      const wrong = await browser.call("POST", "/v1/client/sign_ins", {
        form: {
          identifier: `moved${n}@example.com`,
          password: "not-it-at-all",
          strategy: "password",
        },
      });
      expect(wrong.body.errors?.[0]?.code, hasher).toBe("form_password_incorrect");
      const signIn = await browser.call("POST", "/v1/client/sign_ins", {
        form: {
          identifier: `moved${n}@example.com`,
          password: `Clerk-password-${n}!`,
          strategy: "password",
        },
      });
      expect(signIn.status, `${hasher}: ${JSON.stringify(signIn.body)}`).toBe(200);
      expect(signIn.body.response.status).toBe("complete");
      // The session is the user's under the id Clerk gave them.
      const sessionId = signIn.body.response.created_session_id as string;
      const session = signIn.body.client.sessions.find((s: { id: string }) => s.id === sessionId);
      expect(session.user.id).toBe(clerkUserId(n));
      const credential = await instance.store.getPasswordCredential(clerkUserId(n));
      expect(credential?.hasher, hasher).toBe("argon2id");
      expect(needsRehash(credential!)).toBe(false);
    }

    // A re-import afterwards leaves them as they are: they signed in here.
    const again = await importClerkUsers({ store: instance.store, csv: clerkCsv(rows) });
    expect(again).toMatchObject({ created: 0, updated: 0, kept: HASHERS.length });
    expect((await instance.store.getPasswordCredential(clerkUserId(0)))?.hasher).toBe("argon2id");
  }, 60_000);

  it("with the authenticator app they set up on Clerk: the exported TOTP secret is the second factor", async () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const csv = clerkCsv([
      {
        id: clerkUserId(50),
        primary_email_address: "totp-moved@example.com",
        password_digest: await makeDigest("bcrypt", "Totp-moved-password-1"),
        password_hasher: "bcrypt",
        totp_secret: secret,
      },
    ]);
    expect(await importClerkUsers({ store: instance.store, csv })).toMatchObject({ created: 1 });
    const browser = instance.browser();
    const first = await browser.call("POST", "/v1/client/sign_ins", {
      form: { identifier: "totp-moved@example.com", password: "Totp-moved-password-1" },
    });
    expect(first.body.response.status).toBe("needs_second_factor");
    const code = totpCode(decodeBase32(secret) as Uint8Array, instance.clock.now());
    const done = await browser.call(
      "POST",
      `/v1/client/sign_ins/${first.body.response.id}/attempt_second_factor`,
      { form: { strategy: "totp", code } },
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.response.status).toBe("complete");
  });
});

// Its own instance: the Frontend API's sign-in rate limit is per instance.
describe("users imported from Clerk with awscognito sign in once through Cognito", () => {
  const instance = useTestInstance();

  it("with awscognito: Cognito checks the first password, then the digest is ours; a wrong one is refused", async () => {
    const cognito = await startLocalCognito({
      users: [{ username: "cognito-moved@example.com", password: "Cognito-password-1!" }],
    });
    vi.stubEnv("LATCHKEY_COGNITO_ENDPOINT", cognito.endpoint);
    try {
      const csv = clerkCsv([
        {
          id: clerkUserId(60),
          primary_email_address: "cognito-moved@example.com",
          verified_email_addresses: "cognito-moved@example.com",
          password_digest: cognito.digest("cognito-moved@example.com"),
          password_hasher: "awscognito",
        },
        {
          // A pool id that would send the password to another host is refused at import.
          id: clerkUserId(61),
          primary_email_address: "cognito-hostile@example.com",
          password_digest: `awscognito#eu-west-1.evil.example_A1#${cognito.clientId}#x@example.com`,
          password_hasher: "awscognito",
        },
      ]);
      const report = await importClerkUsers({ store: instance.store, csv });
      expect(report).toMatchObject({ created: 1 });
      expect(report.refused).toEqual([
        {
          line: 3,
          id: clerkUserId(61),
          column: "password_digest",
          code: "password_digest_invalid",
        },
      ]);

      const signIn = (password: string) =>
        instance.browser().call("POST", "/v1/client/sign_ins", {
          form: { identifier: "cognito-moved@example.com", password, strategy: "password" },
        });
      const wrong = await signIn("not-it-at-all");
      expect(wrong.body.errors?.[0]?.code).toBe("form_password_incorrect");
      expect(cognito.requests).toHaveLength(1);
      expect((await instance.store.getPasswordCredential(clerkUserId(60)))?.hasher).toBe(
        "awscognito",
      );

      const right = await signIn("Cognito-password-1!");
      expect(right.status, JSON.stringify(right.body)).toBe(200);
      expect(right.body.response.status).toBe("complete");
      expect(cognito.requests).toHaveLength(2);
      expect(cognito.requests[1]?.body).toMatchObject({
        ClientId: cognito.clientId,
        AuthParameters: { USERNAME: "cognito-moved@example.com" },
      });
      const credential = await instance.store.getPasswordCredential(clerkUserId(60));
      expect(credential?.hasher).toBe("argon2id");
      expect(needsRehash(credential!)).toBe(false);

      // Cognito is no longer needed: with it gone, the password still signs in, a wrong one not.
      await cognito.close();
      expect((await signIn("Cognito-password-1!")).body.response.status).toBe("complete");
      expect((await signIn("not-it-at-all")).body.errors?.[0]?.code).toBe(
        "form_password_incorrect",
      );
      expect(cognito.requests).toHaveLength(2);
    } finally {
      vi.unstubAllEnvs();
      await cognito.close().catch(() => {});
    }
  });
});
