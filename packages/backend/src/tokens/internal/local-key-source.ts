import { TokenVerificationError } from "../token-verification-error.js";
import type { KeySource } from "./jwks-key-source.js";
import { spkiFromPem } from "./pem.js";
import { importRsaPublicKey, type RsaPublicKey } from "./rsa-public-key.js";

/**
 * A key source holding one PEM public key (`jwtKey` / `CLERK_JWT_KEY`): no network at all. The
 * token's `kid` is not consulted, as with Clerk's networkless verification.
 */
export class LocalKeySource implements KeySource {
  private readonly key: RsaPublicKey;

  constructor(pem: string) {
    const der = spkiFromPem(pem);
    if (!der) {
      throw new TokenVerificationError(
        "jwk-local-missing",
        "jwtKey (CLERK_JWT_KEY) is not a PEM-encoded RSA public key.",
      );
    }
    try {
      this.key = importRsaPublicKey({ format: "spki", key: der });
    } catch (cause) {
      throw new TokenVerificationError(
        "jwk-local-missing",
        "jwtKey (CLERK_JWT_KEY) is not a usable RSA public key.",
        { cause },
      );
    }
  }

  getKey(): RsaPublicKey {
    return this.key;
  }
}
