import { describe, expect, it } from "vitest";
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
