import { describe, expect, it } from "vitest";
import { forwardedClientHeader } from "../../../test/forwarded-client-header.js";
import { TEST_SECRET_KEY } from "../../../test/test-instance.js";
import type { ConnectionInfo } from "../fetch-handler.js";
import { FORWARDED_CLIENT_HEADER } from "./forwarded-client.js";
import { resolveRequestClient } from "./resolve-request-client.js";
import { createTrustedProxies } from "./trusted-proxies.js";

const NOW = 1_767_225_600_000;

function resolve(
  headers: Record<string, string>,
  connection: ConnectionInfo | undefined,
  trusted: readonly string[] = [],
  url = "http://instance.example/__clerk/v1/client",
) {
  return resolveRequestClient(new Request(url, { headers }), connection, {
    secretKey: TEST_SECRET_KEY,
    trustedProxy: createTrustedProxies(trusted),
    nowMs: NOW,
  });
}

describe("resolveRequestClient", () => {
  it("believes no forwarded header from an untrusted peer", () => {
    const spoofed = {
      "X-Forwarded-For": "198.51.100.1",
      "X-Real-IP": "198.51.100.2",
      Forwarded: "for=198.51.100.3",
      "X-Forwarded-Proto": "https",
    };
    expect(resolve(spoofed, { remoteAddress: "203.0.113.5" })).toEqual({
      address: "203.0.113.5",
      secure: false,
      proxyUrl: null,
    });
    // In process there is no peer: nothing is believed either.
    expect(resolve(spoofed, undefined)).toEqual({
      address: "unknown",
      secure: false,
      proxyUrl: null,
    });
    expect(resolve({}, { remoteAddress: "::ffff:192.0.2.4" }).address).toBe("192.0.2.4");
  });

  it("believes the app's signed header: its address and scheme", () => {
    const headers = forwardedClientHeader("198.51.100.7", { nowMs: NOW, proto: "https" });
    expect(resolve(headers, { remoteAddress: "127.0.0.1" })).toEqual({
      address: "198.51.100.7",
      secure: true,
      proxyUrl: null,
    });
    expect(resolve(forwardedClientHeader("2001:db8::1", { nowMs: NOW }), undefined)).toEqual({
      address: "2001:db8::1",
      secure: false,
      proxyUrl: null,
    });
  });

  it("ignores a signed header that is tampered, stale, from the future, or signed with another key", () => {
    const good =
      forwardedClientHeader("198.51.100.7", { nowMs: NOW })[FORWARDED_CLIENT_HEADER] ?? "";
    const variants = [
      good.replace("198.51.100.7", "198.51.100.8"),
      good.replace(";http;", ";https;"),
      good.replace(/;[^;]+$/, ";AAAA"),
      good.replace(/^v1/, "v2"),
      `${good};extra`,
      forwardedClientHeader("198.51.100.7", { nowMs: NOW - 61_000 })[FORWARDED_CLIENT_HEADER],
      forwardedClientHeader("198.51.100.7", { nowMs: NOW + 61_000 })[FORWARDED_CLIENT_HEADER],
      forwardedClientHeader("198.51.100.7", {
        nowMs: NOW,
        secretKey: "sk_test_someOtherInstanceKey000000",
      })[FORWARDED_CLIENT_HEADER],
      forwardedClientHeader("not-an-ip", { nowMs: NOW })[FORWARDED_CLIENT_HEADER],
    ];
    for (const value of variants) {
      expect(
        resolve({ [FORWARDED_CLIENT_HEADER]: value ?? "" }, { remoteAddress: "203.0.113.5" }),
        value,
      ).toEqual({
        address: "203.0.113.5",
        secure: false,
        proxyUrl: null,
      });
    }
  });

  it("walks X-Forwarded-For right to left through trusted proxies only", () => {
    const peer = { remoteAddress: "10.0.0.2" };
    const xff = {
      "X-Forwarded-For": "198.51.100.1, 203.0.113.9, 10.0.0.7",
      "X-Forwarded-Proto": "https",
    };
    // The peer and 10.0.0.7 are trusted; 203.0.113.9 is not, so it is the client (not the left-most).
    expect(resolve(xff, peer, ["10.0.0.0/8"])).toEqual({
      address: "203.0.113.9",
      secure: true,
      proxyUrl: null,
    });
    expect(resolve(xff, peer, ["private"]).address).toBe("203.0.113.9");
    // The peer is not trusted: the headers are ignored.
    expect(resolve(xff, peer, ["loopback"])).toEqual({
      address: "10.0.0.2",
      secure: false,
      proxyUrl: null,
    });
    // Every hop trusted: the left-most entry.
    expect(resolve(xff, peer, ["0.0.0.0/0"]).address).toBe("198.51.100.1");
    // A hop that is no address stops the walk.
    expect(resolve({ "X-Forwarded-For": "198.51.100.1, junk" }, peer, ["10.0.0.0/8"]).address).toBe(
      "10.0.0.2",
    );
  });

  it("refuses trusted-proxy entries that mean nothing, naming them", () => {
    for (const entry of ["everyone", "10.0.0.0/33", "1.2.3", "::1/129", "10.0.0.0/8/8"]) {
      expect(() => createTrustedProxies([entry])).toThrow(entry);
    }
    expect(createTrustedProxies(["loopback"])("::1")).toBe(true);
    expect(createTrustedProxies([])("127.0.0.1")).toBe(false);
  });

  it("believes Clerk's own Frontend API proxy only when it sends the instance's secret key", () => {
    const forwarded = { "X-Forwarded-For": "198.51.100.7, 10.0.0.2", "X-Forwarded-Proto": "https" };
    expect(
      resolve({ ...forwarded, "Clerk-Secret-Key": TEST_SECRET_KEY }, { remoteAddress: "10.0.0.9" }),
    ).toEqual({ address: "198.51.100.7", secure: true, proxyUrl: null });
    // A wrong, malformed or missing key: the headers are a stranger's, the socket counts.
    for (const key of [`${TEST_SECRET_KEY}x`, "sk_test_wrong-key-0123456789", "", "nope"]) {
      expect(
        resolve({ ...forwarded, "Clerk-Secret-Key": key }, { remoteAddress: "10.0.0.9" }),
        key,
      ).toEqual({ address: "10.0.0.9", secure: false, proxyUrl: null });
    }
    // Its proxy URL is where the browser reaches the instance (profile images are linked there).
    const viaProxy = { ...forwarded, "Clerk-Secret-Key": TEST_SECRET_KEY };
    const proxyUrl = (value: string) =>
      resolve({ ...viaProxy, "Clerk-Proxy-Url": value }, { remoteAddress: "10.0.0.9" }).proxyUrl;
    expect(proxyUrl("https://app.example/__clerk/")).toBe("https://app.example/__clerk");
    expect(proxyUrl("https://app.example/__clerk?x=1#y")).toBe("https://app.example/__clerk");
    for (const bad of ["javascript:alert(1)", "/__clerk", "https://u:p@app.example/__clerk", ""]) {
      expect(proxyUrl(bad), bad).toBeNull();
    }
    // From anyone without the key, the header is ignored.
    expect(
      resolve(
        {
          "Clerk-Secret-Key": "sk_test_wrong-key-0123456789",
          "Clerk-Proxy-Url": "https://evil.example",
        },
        { remoteAddress: "10.0.0.9" },
      ).proxyUrl,
    ).toBeNull();
    // No address forwarded: the proxy itself.
    expect(resolve({ "Clerk-Secret-Key": TEST_SECRET_KEY }, { remoteAddress: "10.0.0.9" })).toEqual(
      { address: "10.0.0.9", secure: false, proxyUrl: null },
    );
  });
});
