import { createHash, pbkdf2Sync } from "node:crypto";
import { type Algorithm, hash as argon2Hash } from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { ApiError } from "../errors/api-error.js";
import { hashPassword } from "./hash-password.js";
import { needsRehash } from "./needs-rehash.js";
import { checkPasswordDigest, findDigestHasher } from "./password-hashers.js";
import { verifyPassword } from "./verify-password.js";

const PASSWORD = "correct horse battery staple";

function pbkdf2(prefix: string, digest: "sha256" | "sha512", salt: string, encodeSalt: boolean) {
  const hash = pbkdf2Sync(PASSWORD, salt, 1000, digest === "sha256" ? 32 : 64, digest);
  const saltText = encodeSalt ? Buffer.from(salt).toString("base64") : salt;
  return `${prefix}$1000$${saltText}$${hash.toString("base64")}`;
}

/** Django's `bcrypt_sha256`: bcrypt over the hex SHA-256 of the password, behind its prefix. */
function bcryptSha256Django(password: string) {
  const prehashed = createHash("sha256").update(password).digest("hex");
  return `bcrypt_sha256$${bcrypt.hashSync(prehashed, 4).replace(/^\$2a\$/, "$2b$")}`;
}

// Firebase's published scrypt example (firebase/scrypt README): password "user1password".
const FIREBASE = [
  "lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==",
  "42xEC+ixf3L2lw==",
  "jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==",
  "Bw==",
  "8",
  "14",
].join("$");

// Werkzeug's scrypt digests, made by python3's hashlib.scrypt as `werkzeug.security` does
// (`hashlib.scrypt(password.encode(), salt=salt.encode(), n, r, p, maxmem, dklen=64).hex()`); the
// first is the one published in the WerkzeugSecurityCLI README (password "my-test-password-123").
const WERKZEUG = [
  "scrypt:32768:8:1$pyMfKdIqwYxw0GOT$6d49052bdf9cffb2288d7cb198d7bed5566f284932dad0c74b3948866b1468220afd93e9aa17069c4a2403d33747e5e71981c3c552d751a0e249642b6641bac5",
  "scrypt:16384:8:1$Xq3ZkP9wLm2RtY7b$b33b94483cd2d71eff4945c9b5654134e596b1c55937b86390e39ddc9be9e05c6f46f349a6b9bac9d9b73804a5ff2f376957ca463174fe3c1003565cc73c781a",
  "scrypt:1024:4:2$salt-with.dots_and~$308c3c7d42e71f0ac8ec43995b2600563e556f98b3e05074fb724c9cf81414a9828bb101870a08f9d5f40b9689b8948a1b716b2307c188ae082836047269c812",
] as const;

/** The second Werkzeug digest with its hash in base64, as Clerk's import guide lays it out. */
const WERKZEUG_BASE64 =
  "scrypt:16384:8:1$Xq3ZkP9wLm2RtY7b$szuUSDzS1x7/SUXJtWVBNOWWscVZN7hjkOOd3Jvp4FxvRvNJprm6ydm3OASl/y83aVfKRjF0/jwQA1Zcxzx4Gg==";

async function importedDigests(): Promise<Array<[string, string, string]>> {
  return [
    ["bcrypt", bcrypt.hashSync(PASSWORD, 4), PASSWORD],
    ["bcrypt", bcrypt.hashSync(PASSWORD, 4).replace(/^\$2b\$/, "$2y$"), PASSWORD],
    ["argon2i", await argon2Hash(PASSWORD, { algorithm: 1 as Algorithm }), PASSWORD],
    ["argon2id", (await hashPassword(PASSWORD)).digest, PASSWORD],
    ["bcrypt_sha256_django", bcryptSha256Django(PASSWORD), PASSWORD],
    // Clerk's documented md5 example digest.
    ["md5", "5f4dcc3b5aa765d61d8327deb882cf99", "password"],
    ["md5", createHash("md5").update(PASSWORD).digest("hex"), PASSWORD],
    [
      "pbkdf2_sha1",
      `pbkdf2_sha1$1000$rawSalt$${pbkdf2Sync(PASSWORD, "rawSalt", 1000, 20, "sha1").toString("hex")}`,
      PASSWORD,
    ],
    // Clerk's second form: hex salt, hex hash and the key length (32 bytes).
    [
      "pbkdf2_sha1",
      `pbkdf2_sha1$1000$a1b2c3d4$${pbkdf2Sync(PASSWORD, Buffer.from("a1b2c3d4", "hex"), 1000, 32, "sha1").toString("hex")}$32`,
      PASSWORD,
    ],
    ["pbkdf2_sha256", pbkdf2("pbkdf2_sha256", "sha256", "salty", true), PASSWORD],
    ["pbkdf2_sha256_django", pbkdf2("pbkdf2_sha256", "sha256", "rawDjangoSalt", false), PASSWORD],
    ["pbkdf2_sha512", pbkdf2("pbkdf2_sha512", "sha512", "salty512", true), PASSWORD],
    // phpass reference vectors: passlib's documented example, and Authen::Passphrase::PHPass's.
    ["phpass", "$P$8ohUJ.1sdFw09/bMaAQPTGDNi2BIUt1", "password"],
    ["phpass", "$P$8NaClNaClObRxTm/.EiiYN02xUeAQs/", "passphrase"],
    // The same algorithm under Clerk's `md5_phpass`, also behind phpBB 3's `$H$` (vectors made by
    // an independent python3 port of phpass's crypt_private, which reproduces passlib's above).
    ["md5_phpass", "$P$8ohUJ.1sdFw09/bMaAQPTGDNi2BIUt1", "password"],
    ["md5_phpass", "$P$5aB.cD/eFhDYzTvM/OsiKB3dYhggn71", PASSWORD],
    ["md5_phpass", "$H$6Xq3ZkP9wCpfXOW6ffPYzC5JUXpONV0", PASSWORD],
    ["md5_phpass", "$H$7Zz09./AaAIK3g9ViM0IZubfp76Y.f/", "pässwörd ✓"],
    // OpenLDAP's {SSHA}: the FAQ's example (password "secret", salt "salt"), a published slapd
    // digest (password "admin", 4-byte salt), and digests made with python3's hashlib/base64
    // (8- and 16-byte salts; a lowercase prefix).
    ["ldap_ssha", "{SSHA}gVK8WC9YyFT1gMsQHTGCgT3sSv5zYWx0", "secret"],
    ["ldap_ssha", "{SSHA}23AUBfRZytVFNpe7onuFhyCSJOHRzCWh", "admin"],
    ["ldap_ssha", "{SSHA}5tWrRrGKlWZvPXl8vtN+DGiY2TyhssPU5fYHGA==", PASSWORD],
    ["ldap_ssha", "{ssha}5tWrRrGKlWZvPXl8vtN+DGiY2TyhssPU5fYHGA", PASSWORD],
    ["ldap_ssha", "{SSHA}PfluEqOD+9qAuecNkzTTvvTPp/wAAQIDBAUGBwgJCgsMDQ4P", "pässwörd ✓"],
    ["sha256", "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", "password"],
    // Symfony's MessageDigestPasswordEncoder (sha512, base64): a FOSUserBundle user's published
    // digest (5000 iterations), and digests made with python3's hashlib (an empty salt, 1 and 2
    // iterations, a non-ASCII password).
    [
      "sha512_symfony",
      "sha512_symfony$5000$ba247c3935de250e1be57a1a8b125293$DHJu3aO5tox49yAcPrXwjJRZQD4wGXI/zCncQ9PkYiTiHPI4OdzCCCpmhceajZcjRCiJQLcAfNXkhnWjxwURPA==",
      "Bierhefoj5",
    ],
    [
      "sha512_symfony",
      "sha512_symfony$5000$a1b2c3salt$ItUa95WRNqelReANEfx/xADLWfZz2kHYeUcpYkp7qShvz1fahBv1wNahDLuGnKEHjMCbxUW7ICiuGubp5wJ2YQ==",
      PASSWORD,
    ],
    [
      "sha512_symfony",
      "sha512_symfony$1$$vl73Z52Iq5qQRfYmflX15XhLS4zXZLXNhVpSRPkcYmlTzUbEPXZohz/W7707IhJJMVWAAxljRyoHh4H+BG5irg==",
      PASSWORD,
    ],
    [
      "sha512_symfony",
      "sha512_symfony$2$Zz.9/$pRQtMFvxM6AdLjzHyBhs9c7VjIX6yla2lGAJndOeUoEDkIaXjR+KPfAzlDkRXTK5A6UZT8gC70fg4lWp5mq2fw==",
      "pässwörd ✓",
    ],
    // pbkdf2_sha512_hex: hex salt (decoded) and hex hash, made with python3's hashlib.pbkdf2_hmac.
    [
      "pbkdf2_sha512_hex",
      "pbkdf2_sha512_hex$1000$a1b2c3d4e5f60718$0169271254f91e1e9f2eb20e372e8a52d8d7665993b48c8e955da4651b9a5042b38295453cbeb4e54da77202f557f66e7e5ba896eb1b9334db7e1bf770785c89",
      PASSWORD,
    ],
    [
      "pbkdf2_sha512_hex",
      "pbkdf2_sha512_hex$1200$00ff10ee$0b8d16327e29febff795b07494eb1fbc18acc806ec339f531ec3261372bec6d2",
      "pässwörd ✓",
    ],
    ["scrypt_firebase", FIREBASE, "user1password"],
    ["scrypt_werkzeug", WERKZEUG[0], "my-test-password-123"],
    ["scrypt_werkzeug", WERKZEUG[1], PASSWORD],
    ["scrypt_werkzeug", WERKZEUG[2], "pässwörd ✓"],
    ["scrypt_werkzeug", WERKZEUG_BASE64, PASSWORD],
  ];
}

describe("password hashers", () => {
  it("hash new passwords with argon2id at OWASP's parameters, salted", async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a.hasher).toBe("argon2id");
    expect(a.digest).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a.digest).not.toBe(b.digest);
    expect(await verifyPassword(a, PASSWORD)).toBe(true);
    expect(await verifyPassword(a, `${PASSWORD}!`)).toBe(false);
    expect(needsRehash(a)).toBe(false);
  });

  it("verify every supported imported digest, and reject a wrong password", async () => {
    for (const [hasher, digest, password] of await importedDigests()) {
      expect(checkPasswordDigest(hasher, digest)).toBe(hasher);
      expect(await verifyPassword({ hasher, digest }, password), hasher).toBe(true);
      expect(await verifyPassword({ hasher, digest }, `${password}x`), hasher).toBe(false);
    }
  });

  it("ask for a rehash of everything that is not current argon2id", async () => {
    for (const [hasher, digest] of await importedDigests()) {
      if (hasher !== "argon2id") expect(needsRehash({ hasher, digest }), hasher).toBe(true);
    }
    const weak = await argon2Hash(PASSWORD, { algorithm: 2 as Algorithm, memoryCost: 4096 });
    expect(needsRehash({ hasher: "argon2id", digest: weak })).toBe(true);
  });

  it("reject unknown hashers and malformed digests without echoing them", () => {
    const unknown = (() => {
      try {
        checkPasswordDigest("rot13", "secret-digest");
      } catch (error) {
        return error;
      }
    })() as ApiError;
    expect(unknown).toBeInstanceOf(ApiError);
    expect([unknown.code, unknown.paramName]).toEqual([
      "form_param_value_invalid",
      "password_hasher",
    ]);
    const malformed: Array<[string, string]> = [
      ["bcrypt", "$2a$10$tooShort"],
      ["argon2id", "$argon2i$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"],
      ["pbkdf2_sha256", "pbkdf2_sha256$abc$c2FsdA==$aGFzaA=="],
      ["pbkdf2_sha256", "pbkdf2_sha512$1000$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA=="],
      ["sha256", "zz"],
      ["md5", "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"],
      ["md5", "5f4dcc3b5aa765d61d8327deb882cfzz"],
      ["bcrypt_sha256_django", "$2b$04$abcdefghijklmnopqrstuuO1bM1hzHkWm5dsvXk1wvbSG3S3nE1wS"],
      ["bcrypt_sha256_django", "bcrypt_sha256$$2b$04$tooShort"],
      ["pbkdf2_sha1", "pbkdf2_sha1$1000$salt$not-hex-not-hex-not-hex-not-hex-not-hex-"],
      ["phpass", "$P$8ohUJ.1sdFw09/bMaAQPTGDNi2BIUt"],
      ["phpass", "$H$8ohUJ.1sdFw09/bMaAQPTGDNi2BIUt1"],
      ["phpass", "$P$4ohUJ.1sdFw09/bMaAQPTGDNi2BIUt1"],
      // md5_phpass: a short checksum, another identifier, a cost below phpass's 7, bcrypt.
      ["md5_phpass", "$H$6Xq3ZkP9wCpfXOW6ffPYzC5JUXpONV"],
      ["md5_phpass", "$S$6Xq3ZkP9wCpfXOW6ffPYzC5JUXpONV0"],
      ["md5_phpass", "$H$4Xq3ZkP9wCpfXOW6ffPYzC5JUXpONV0"],
      ["md5_phpass", "$2a$10$abcdefghijklmnopqrstuuO1bM1hzHkWm5dsvXk1wvbSG3S3nE1wS"],
      // ldap_ssha: no prefix (ambiguous), {SHA} (unsalted), a digest with no salt, not base64,
      // URL-safe base64, leftover bits, padding where none belongs, an oversized salt.
      ["ldap_ssha", "gVK8WC9YyFT1gMsQHTGCgT3sSv5zYWx0"],
      ["ldap_ssha", "{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ="],
      ["ldap_ssha", "{SSHA}5en6G6MezRroT3XKqkdPOmY/BfQ="],
      ["ldap_ssha", "{SSHA}gVK8WC9YyFT1gMsQ*TGCgT3sSv5zYWx0"],
      ["ldap_ssha", "{SSHA}5tWrRrGKlWZvPXl8vtN-DGiY2TyhssPU5fYHGA=="],
      ["ldap_ssha", "{SSHA}5tWrRrGKlWZvPXl8vtN+DGiY2TyhssPU5fYHGB=="],
      ["ldap_ssha", "{SSHA}gVK8WC9YyFT1gMsQHTGCgT3sSv5zYWx0=="],
      ["ldap_ssha", `{SSHA}${Buffer.alloc(20 + 65).toString("base64")}`],
      ["ldap_ssha", "{SSHA}"],
      // sha512_symfony: no iterations, 0 iterations, `{` in the salt, a 32-byte hash, not base64,
      // another prefix.
      [
        "sha512_symfony",
        "sha512_symfony$$salt$vl73Z52Iq5qQRfYmflX15XhLS4zXZLXNhVpSRPkcYmlTzUbEPXZohz/W7707IhJJMVWAAxljRyoHh4H+BG5irg==",
      ],
      [
        "sha512_symfony",
        "sha512_symfony$0$salt$vl73Z52Iq5qQRfYmflX15XhLS4zXZLXNhVpSRPkcYmlTzUbEPXZohz/W7707IhJJMVWAAxljRyoHh4H+BG5irg==",
      ],
      [
        "sha512_symfony",
        "sha512_symfony$5000$sa{lt$vl73Z52Iq5qQRfYmflX15XhLS4zXZLXNhVpSRPkcYmlTzUbEPXZohz/W7707IhJJMVWAAxljRyoHh4H+BG5irg==",
      ],
      ["sha512_symfony", "sha512_symfony$5000$salt$vl73Z52Iq5qQRfYmflX15XhLS4zXZLXNhVpSRPkcYmk="],
      ["sha512_symfony", "sha512_symfony$5000$salt$not base64"],
      [
        "sha512_symfony",
        "sha512$5000$salt$vl73Z52Iq5qQRfYmflX15XhLS4zXZLXNhVpSRPkcYmlTzUbEPXZohz/W7707IhJJMVWAAxljRyoHh4H+BG5irg==",
      ],
      // pbkdf2_sha512_hex: a salt that is not hex, a base64 hash, pbkdf2_sha512's prefix.
      [
        "pbkdf2_sha512_hex",
        "pbkdf2_sha512_hex$1000$salty$0b8d16327e29febff795b07494eb1fbc18acc806ec339f531ec3261372bec6d2",
      ],
      [
        "pbkdf2_sha512_hex",
        "pbkdf2_sha512_hex$1000$00ff10ee$C40WMn4p/r/3lbB0lOsfvBisyAbsM59THsMmE3K+xtI=",
      ],
      [
        "pbkdf2_sha512_hex",
        "pbkdf2_sha512$1000$00ff10ee$0b8d16327e29febff795b07494eb1fbc18acc806ec339f531ec3261372bec6d2",
      ],
      ["pbkdf2_sha1", "pbkdf2_sha1$1000$salt$0123456789abcdef0123456789abcdef01234567$32"],
      ["pbkdf2_sha1", "pbkdf2_sha256$1000$salt$0123456789abcdef0123456789abcdef01234567"],
      // awscognito: the pool id's region becomes a host name, so anything but AWS's shape is
      // refused (another host, a port, a path, upper case, no number); a client id that is not
      // Cognito's, too long; no identifier, one with a space; parts missing; another prefix.
      ["awscognito", "awscognito#evil.example_Abc123#1example23456789#ada@example.com"],
      ["awscognito", "awscognito#eu-west-1.evil.example_Abc123#1example23456789#ada"],
      ["awscognito", "awscognito#eu-west-1:8080_Abc123#1example23456789#ada"],
      ["awscognito", "awscognito#eu-west-1/x_Abc123#1example23456789#ada"],
      ["awscognito", "awscognito#eu-west-1_Abc/123#1example23456789#ada"],
      ["awscognito", "awscognito#EU-WEST-1_Abc123#1example23456789#ada"],
      ["awscognito", "awscognito#eu-west_Abc123#1example23456789#ada"],
      ["awscognito", "awscognito#eu-west-1_#1example23456789#ada"],
      ["awscognito", "awscognito#eu-west-1_Abc123#1Example23456789#ada"],
      ["awscognito", "awscognito#eu-west-1_Abc123#1example-23456789#ada"],
      ["awscognito", `awscognito#eu-west-1_Abc123#${"a".repeat(129)}#ada`],
      ["awscognito", "awscognito#eu-west-1_Abc123#1example23456789#"],
      ["awscognito", "awscognito#eu-west-1_Abc123#1example23456789#ada lovelace"],
      ["awscognito", `awscognito#eu-west-1_Abc123#1example23456789#${"a".repeat(129)}`],
      ["awscognito", "awscognito#eu-west-1_Abc123#1example23456789"],
      ["awscognito", "awscognito#eu-west-1_Abc123"],
      ["awscognito", "cognito#eu-west-1_Abc123#1example23456789#ada"],
      ["scrypt_firebase", "a$b$c"],
      // Werkzeug's older pbkdf2 method, a bad N (not a power of two, too costly), no salt, a hash
      // of another length, 128 characters that are not hex (never base64 of 64 bytes).
      ["scrypt_werkzeug", "pbkdf2:sha256:600000$salt$0123456789abcdef"],
      ["scrypt_werkzeug", WERKZEUG[1].replace("16384", "16383")],
      ["scrypt_werkzeug", WERKZEUG[1].replace("16384:8:1", "1048576:8:4")],
      ["scrypt_werkzeug", WERKZEUG[1].replace("Xq3ZkP9wLm2RtY7b", "")],
      ["scrypt_werkzeug", WERKZEUG[1].slice(0, -2)],
      ["scrypt_werkzeug", `${WERKZEUG[1].slice(0, -1)}g`],
      ["scrypt_werkzeug", `${WERKZEUG[1]}$extra`],
    ];
    for (const [hasher, digest] of malformed) {
      const error = (() => {
        try {
          checkPasswordDigest(hasher, digest);
        } catch (e) {
          return e;
        }
      })() as ApiError;
      expect(error, `${hasher} ${digest}`).toBeInstanceOf(ApiError);
      expect([error.code, error.paramName]).toEqual([
        "form_password_digest_invalid",
        "password_digest",
      ]);
      expect(`${error.message} ${error.longMessage}`).not.toContain(digest);
    }
    expect(findDigestHasher("toString")).toBeNull();
  });

  it("bound the work of an imported digest: at each bound well-formed, one past it refused", async () => {
    const salt = "c2FsdHNhbHRzYWx0c2FsdA";
    const hash = "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    const argon2 = (params: string) => `$argon2id$v=19$${params}$${salt}$${hash}`;
    const symfony = (iterations: number) =>
      `sha512_symfony$${iterations}$salt$${Buffer.alloc(64, 1).toString("base64")}`;
    const pbkdf2 = (iterations: number, bytes: number) =>
      `pbkdf2_sha256$${iterations}$c2FsdHNhbHQ=$${Buffer.alloc(bytes, 1).toString("base64")}`;
    const bounds: Array<[string, string, string]> = [
      // argon2: 256 MiB of memory, memory × passes ≤ 2^21 KiB, 16 lanes, 8 KiB per lane.
      ["argon2id", argon2("m=262144,t=8,p=1"), argon2("m=262145,t=1,p=1")],
      ["argon2id", argon2("m=65536,t=32,p=4"), argon2("m=65536,t=33,p=4")],
      ["argon2id", argon2("m=65536,t=3,p=16"), argon2("m=65536,t=3,p=17")],
      ["argon2id", argon2("m=128,t=3,p=16"), argon2("m=127,t=3,p=16")],
      ["argon2id", argon2("m=19456,t=1,p=1"), argon2("m=19456,t=0,p=1")],
      // bcrypt: costs 4 to 15.
      ["bcrypt", `$2b$15$${"a".repeat(53)}`, `$2b$16$${"a".repeat(53)}`],
      ["bcrypt", `$2a$04$${"a".repeat(53)}`, `$2a$03$${"a".repeat(53)}`],
      // phpass: 2^7 to 2^16 rounds ('E' is 16, 'F' 17 in phpass's alphabet).
      ["phpass", `$P$E${"a".repeat(30)}`, `$P$F${"a".repeat(30)}`],
      // sha512_symfony: 100,000 iterations.
      ["sha512_symfony", symfony(100_000), symfony(100_001)],
      // PBKDF2: iterations × output blocks ≤ 10 million, hashes of at most 64 bytes.
      ["pbkdf2_sha256", pbkdf2(10_000_000, 32), pbkdf2(10_000_001, 32)],
      ["pbkdf2_sha256", pbkdf2(5_000_000, 64), pbkdf2(5_000_001, 64)],
      ["pbkdf2_sha256", pbkdf2(1000, 64), pbkdf2(1000, 65)],
    ];
    for (const [hasher, atBound, pastBound] of bounds) {
      const found = findDigestHasher(hasher);
      expect(found?.isWellFormed(atBound), `${hasher} ${atBound}`).toBe(true);
      expect(found?.isWellFormed(pastBound), `${hasher} ${pastBound}`).toBe(false);
      // A digest past the bounds that is already stored is never run: it does not match.
      expect(await found?.verify(pastBound, PASSWORD), `${hasher} verify`).toBe(false);
    }
  });

  it("treat an unknown stored hasher as a mismatch rather than an error", async () => {
    expect(await verifyPassword({ hasher: "md4", digest: "x" }, "x")).toBe(false);
  });
});
