import { createPublicKey, type KeyObject, verify } from "node:crypto";
import { type Clock, systemClock } from "../clock.js";
import type { NewSigningKey, PublicRsaJwk, SigningKeyStore } from "../store/signing-key-store.js";
import { createJwtSigner, type JwtSigner } from "./create-jwt-signer.js";
import { generateSigningKey } from "./generate-signing-key.js";
import { importRsaPrivateKey } from "./import-rsa-private-key.js";
import {
  type SigningKeyTimelineEntry,
  signingKeySchedule,
  signingKeyTimeline,
} from "./signing-key-schedule.js";

/** A key as published in the JWKS: id and public parts only. */
export interface PublishedSigningKey {
  kid: string;
  publicJwk: PublicRsaJwk;
}

/** A key's public facts, as the key schedule shows them (never its private key). */
export interface SigningKeyFacts {
  kid: string;
  createdAt: number;
  activeAt: number;
  longestLifetimeSeconds: number;
}

/** Every key's place in the schedule at `now`, and the key that signs then. */
export interface SigningKeyTimeline {
  now: number;
  signingKid: string | null;
  keys: Array<SigningKeyTimelineEntry<SigningKeyFacts> & { published: boolean }>;
}

/**
 * The instance's signing keys in memory: imported once, reloaded from the store at most every
 * `reloadIntervalMs` so that several processes converge on the same keys.
 */
export interface SigningKeyRing {
  /**
   * Signs claims as an RS256 JWT (`{ alg: "RS256", kid, typ: "JWT" }`) with the current key. The
   * first call creates the instance's key when the database has none.
   * @param lifetimeSeconds the token's lifetime; keeps the key published until such tokens expire
   */
  sign(claims: Record<string, unknown>, lifetimeSeconds: number): Promise<string>;
  /** The keys to publish in the JWKS now. */
  publishedKeys(): Promise<PublishedSigningKey[]>;
  /**
   * Verifies an RS256 JWT signed by any key of the instance (published or not) and returns its
   * claims; null when the token is malformed, the key is unknown or the signature is wrong.
   * Claims such as `exp` are the caller's to check.
   */
  verify(token: string): Promise<Record<string, unknown> | null>;
  /**
   * Adds a new key, published now and signing after the publish delay.
   * @returns the new key's id and when it starts signing
   */
  rotate(options?: { publishDelayMs?: number }): Promise<{ kid: string; activeAt: number }>;
  /** Reloads the keys from the store now. */
  reload(): Promise<void>;
  /** Every stored key's place in the schedule now (reloaded from the store first). */
  timeline(): Promise<SigningKeyTimeline>;
}

/** Options of {@link createSigningKeyRing}. */
export interface SigningKeyRingOptions {
  store: SigningKeyStore;
  clock?: Clock;
  /** Delay before a rotated-in key signs; longer than verifiers' JWKS cache. Default 10 min. */
  publishDelayMs?: number;
  /** Longest time between reloads from the store. Default 30 s. */
  reloadIntervalMs?: number;
  /** Extra time a replaced key stays published after its last token expired. Default 5 min. */
  retentionSkewMs?: number;
  /** Key generator (default RSA-2048); injectable so tests can reuse fixed keys. */
  generateKey?: () => Promise<NewSigningKey>;
}

/** Default delay before a rotated-in key signs (10 min > verifiers' 5-min JWKS cache). */
export const DEFAULT_PUBLISH_DELAY_MS = 10 * 60_000;
const DEFAULT_RELOAD_INTERVAL_MS = 30_000;
const DEFAULT_RETENTION_SKEW_MS = 5 * 60_000;
/** Least time between reloads caused by tokens naming an unknown key. */
const UNKNOWN_KID_RELOAD_MS = 5_000;

interface LoadedKey {
  kid: string;
  publicJwk: PublicRsaJwk;
  createdAt: number;
  activeAt: number;
  longestLifetimeSeconds: number;
  publicKey: KeyObject;
  signer: JwtSigner;
}

interface RingState {
  loadedAt: number;
  keys: LoadedKey[];
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Creates the key ring over the store. Keys are imported into `node:crypto` `KeyObject`s once per
 * process and signing uses `crypto.sign`, so minting needs no key import per token.
 *
 * @example
 * const signingKeys = createSigningKeyRing({ store, clock });
 * const jwt = await signingKeys.sign({ sub: "user_1", iat, exp }, 60);
 */
export function createSigningKeyRing(options: SigningKeyRingOptions): SigningKeyRing {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const publishDelayMs = options.publishDelayMs ?? DEFAULT_PUBLISH_DELAY_MS;
  const reloadIntervalMs = options.reloadIntervalMs ?? DEFAULT_RELOAD_INTERVAL_MS;
  const retentionSkewMs = options.retentionSkewMs ?? DEFAULT_RETENTION_SKEW_MS;
  const generateKey = options.generateKey ?? generateSigningKey;
  /** Imported keys by kid, kept across reloads so a key is imported once per process. */
  const imported = new Map<string, { publicKey: KeyObject; signer: JwtSigner }>();
  let state: RingState | undefined;
  let loading: Promise<RingState> | undefined;

  const load = async (): Promise<RingState> => {
    let records = await store.listSigningKeys();
    if (records.length === 0) {
      await store.createFirstSigningKey(await generateKey());
      records = await store.listSigningKeys();
    }
    const keys = records.map((record): LoadedKey => {
      let entry = imported.get(record.kid);
      if (entry === undefined) {
        const pem = importRsaPrivateKey(record.privateKeyPem);
        if (!pem.ok) {
          throw new Error(`Signing key ${record.kid} in the database is unusable (${pem.reason}).`);
        }
        const privateKey = pem.key;
        entry = {
          publicKey: createPublicKey(privateKey),
          signer: createJwtSigner("RS256", privateKey, record.kid),
        };
        imported.set(record.kid, entry);
      }
      return {
        kid: record.kid,
        publicJwk: record.publicJwk,
        createdAt: record.createdAt,
        activeAt: record.activeAt,
        longestLifetimeSeconds: record.longestLifetimeSeconds,
        ...entry,
      };
    });
    state = { loadedAt: clock.now(), keys };
    return state;
  };

  const reload = (): Promise<RingState> => {
    loading ??= load().finally(() => {
      loading = undefined;
    });
    return loading;
  };

  const current = (): Promise<RingState> | RingState => {
    if (state !== undefined && clock.now() - state.loadedAt < reloadIntervalMs) return state;
    return reload();
  };

  return {
    async sign(claims, lifetimeSeconds) {
      const { keys } = await current();
      const key = signingKeySchedule(keys, clock.now(), retentionSkewMs).signing;
      if (key === null) throw new Error("The instance has no signing key.");
      if (lifetimeSeconds > key.longestLifetimeSeconds) {
        // Rare (a longer lifetime than this key has signed before): recorded before the token
        // leaves, so every process keeps the key published until the token expires.
        await store.recordSigningKeyLifetime(key.kid, lifetimeSeconds);
        key.longestLifetimeSeconds = Math.ceil(lifetimeSeconds);
      }
      return key.signer(claims);
    },

    async publishedKeys() {
      const { keys } = await current();
      return signingKeySchedule(keys, clock.now(), retentionSkewMs).published.map((key) => ({
        kid: key.kid,
        publicJwk: key.publicJwk,
      }));
    },

    async verify(token) {
      const parts = token.split(".");
      if (parts.length !== 3) return null;
      const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
      const header = decodeJson(headerPart);
      const payload = decodeJson(payloadPart);
      if (header === null || payload === null || header.alg !== "RS256") return null;
      const loaded = await current();
      let { keys } = loaded;
      let key = keys.find((candidate) => candidate.kid === header.kid);
      if (key === undefined && clock.now() - loaded.loadedAt >= UNKNOWN_KID_RELOAD_MS) {
        // Maybe another process rotated since the last reload.
        ({ keys } = await reload());
        key = keys.find((candidate) => candidate.kid === header.kid);
      }
      if (key === undefined) return null;
      const valid = verify(
        "sha256",
        Buffer.from(`${headerPart}.${payloadPart}`),
        key.publicKey,
        Buffer.from(signaturePart, "base64url"),
      );
      return valid ? payload : null;
    },

    async rotate(rotateOptions = {}) {
      await current();
      const activeAt = clock.now() + (rotateOptions.publishDelayMs ?? publishDelayMs);
      const record = await store.rotateSigningKey(await generateKey(), activeAt);
      await reload();
      return { kid: record.kid, activeAt: record.activeAt };
    },

    reload: async () => {
      await reload();
    },

    async timeline() {
      const { keys } = await reload();
      const now = clock.now();
      const facts = keys.map(({ kid, createdAt, activeAt, longestLifetimeSeconds }) => ({
        kid,
        createdAt,
        activeAt,
        longestLifetimeSeconds,
      }));
      return {
        now,
        signingKid: signingKeySchedule(facts, now, retentionSkewMs).signing?.kid ?? null,
        keys: signingKeyTimeline(facts, retentionSkewMs).map((entry) => ({
          ...entry,
          published: entry.publishedUntil === null || now < entry.publishedUntil,
        })),
      };
    },
  };
}
