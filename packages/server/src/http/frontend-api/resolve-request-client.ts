import type { ConnectionInfo } from "../fetch-handler.js";
import { isSecretKey } from "../secret-key-auth.js";
import { FORWARDED_CLIENT_HEADER, verifyForwardedClient } from "./forwarded-client.js";
import { normalizeAddress } from "./trusted-proxies.js";

/** Who sent a request, as far as the instance can tell without believing strangers. */
export interface RequestClient {
  /** The client's address (`unknown` when nothing says, e.g. in process). */
  address: string;
  /** The client reached us (or the app's proxy) over TLS. */
  secure: boolean;
  /**
   * The app's Frontend API proxy URL (`Clerk-Proxy-Url`, e.g. `https://app.example/__clerk`) when
   * Clerk's own proxy (with the secret key) or ours (signed) sent the request; null otherwise. The
   * browser reaches the instance there.
   */
  proxyUrl: string | null;
}

/** An `http(s)` URL without query, fragment or trailing slash; null for anything else. */
function proxyUrlOf(header: string | null): string | null {
  if (header === null || !URL.canParse(header)) return null;
  const url = new URL(header);
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username !== "" || url.password !== "") return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** What {@link resolveRequestClient} needs besides the request. */
export interface RequestClientRules {
  secretKey: string;
  /** Whether a peer address is a proxy whose `X-Forwarded-For`/`-Proto` we believe. */
  trustedProxy(address: string): boolean;
  nowMs: number;
}

/** The address `hops` behind a trusted peer: walks `X-Forwarded-For` right to left while trusted. */
function behindTrustedProxies(
  peer: string,
  forwardedFor: string | null,
  trustedProxy: (address: string) => boolean,
): string {
  const hops = (forwardedFor ?? "").split(",");
  let current = peer;
  for (let i = hops.length - 1; i >= 0 && trustedProxy(current); i--) {
    const next = normalizeAddress(hops[i]);
    // A hop that is no address ends the chain: what stands left of it was never checked.
    if (next === null) break;
    current = next;
  }
  return current;
}

/**
 * Works out a request's client address and scheme. Believed, in this order: the app's signed
 * forwarded-client header (only a holder of the secret key can make one); the forwarded headers of
 * Clerk's own Frontend API proxy (`clerkMiddleware`'s `frontendApiProxy`), which proves itself by
 * sending the secret key as `Clerk-Secret-Key` and names the browser in `X-Forwarded-For` (its
 * first address) and `X-Forwarded-Proto`; `X-Forwarded-For` and
 * `X-Forwarded-Proto` when the peer is a trusted proxy (right to left through trusted hops, as
 * Express's `trust proxy`); otherwise the socket itself. A forwarded header from anyone else is
 * ignored, so rotating it spreads nothing over per-IP limits.
 *
 * @example
 * resolveRequestClient(request, { remoteAddress: "127.0.0.1" }, rules);
 * // { address: "127.0.0.1", secure: false }
 */
export function resolveRequestClient(
  request: Request,
  connection: ConnectionInfo | undefined,
  rules: RequestClientRules,
): RequestClient {
  const peer = normalizeAddress(connection?.remoteAddress);
  const ownScheme = connection?.encrypted ?? request.url.startsWith("https:");
  const signed = verifyForwardedClient(
    request.headers.get(FORWARDED_CLIENT_HEADER),
    rules.secretKey,
    rules.nowMs,
  );
  if (signed !== null)
    // Our own proxy (`@latchkey/nextjs`) signs the request and sets `Clerk-Proxy-Url` itself.
    return {
      address: signed.address ?? peer ?? "unknown",
      secure: signed.secure,
      proxyUrl: proxyUrlOf(request.headers.get("clerk-proxy-url")),
    };
  if (isSecretKey(request.headers.get("clerk-secret-key"), rules.secretKey)) {
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
    const first = request.headers.get("x-forwarded-for")?.split(",")[0];
    return {
      address: normalizeAddress(first) ?? peer ?? "unknown",
      secure: proto === undefined || proto === "" ? ownScheme : proto === "https",
      proxyUrl: proxyUrlOf(request.headers.get("clerk-proxy-url")),
    };
  }
  if (peer !== null && rules.trustedProxy(peer)) {
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
    return {
      address: behindTrustedProxies(
        peer,
        request.headers.get("x-forwarded-for"),
        rules.trustedProxy,
      ),
      secure: proto === undefined || proto === "" ? ownScheme : proto === "https",
      proxyUrl: null,
    };
  }
  return { address: peer ?? "unknown", secure: ownScheme, proxyUrl: null };
}
