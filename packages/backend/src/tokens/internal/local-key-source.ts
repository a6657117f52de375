import { TokenVerificationError } from "../token-verification-error.js";
import type { KeyLookup, KeySource } from "./key-source.js";
import { importSessionKey } from "./session-key.js";

/**
 * A key source holding one PEM public key (`jwtKey` / `CLERK_JWT_KEY`): no network at all. The
 * token's `kid` is not consulted, as with Clerk's networkless verification. The key is imported
 * (with jose) on first use, once.
 */
export class LocalKeySource implements KeySource {
  private imported: Promise<KeyLookup> | undefined;

  constructor(private readonly pem: string) {}

  keyFor(): Promise<KeyLookup> {
    this.imported ??= importSessionKey({ format: "pem", pem: this.pem }).then(
      (result): KeyLookup =>
        result.ok
          ? { ok: true, key: result.key }
          : {
              ok: false,
              error: new TokenVerificationError(
                "jwk-local-missing",
                "jwtKey (CLERK_JWT_KEY) is not a PEM-encoded RSA public key.",
                { cause: result.cause },
              ),
            },
    );
    return this.imported;
  }
}
