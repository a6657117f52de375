import { describe, expect, it } from "vitest";
import {
  canonicalFrontendApiUrl,
  clerkSdksAcceptHost,
  publishableKeyFor,
} from "./publishable-key.js";

const decode = (key: string) => Buffer.from(key.split("_")[2] ?? "", "base64").toString("utf8");

describe("publishableKeyFor", () => {
  it("encodes host, port and path with Clerk's trailing $", () => {
    const key = publishableKeyFor("https://auth.example.com/__clerk/", "live");
    expect(key.startsWith("pk_live_")).toBe(true);
    expect(decode(key)).toBe("auth.example.com/__clerk$");
  });

  it("names localhost by its address, so the host has the dot Clerk's SDKs require", () => {
    const key = publishableKeyFor("http://localhost:4100/__clerk");
    expect(key.startsWith("pk_test_")).toBe(true);
    expect(decode(key)).toBe("127.0.0.1:4100/__clerk$");
    expect(decode(publishableKeyFor("http://localhost/__clerk"))).toBe("127.0.0.1/__clerk$");
  });

  it("keeps the three-part shape Clerk splits on", () => {
    expect(publishableKeyFor("http://localhost:4100/__clerk").split("_")).toHaveLength(3);
  });
});

describe("clerkSdksAcceptHost", () => {
  it.each([
    ["http://localhost:4100/__clerk", true],
    ["http://127.0.0.1:4100/__clerk", true],
    ["https://auth.example.com/__clerk", true],
    ["http://auth:4100/__clerk", false],
    ["http://[::1]:4100/__clerk", false],
  ])("%s → %s", (url, accepted) => {
    expect(clerkSdksAcceptHost(url)).toBe(accepted);
  });
});

describe("canonicalFrontendApiUrl", () => {
  it("names localhost by its address and drops a trailing slash, as the key does", () => {
    expect(canonicalFrontendApiUrl("http://localhost:4100/__clerk/")).toBe(
      "http://127.0.0.1:4100/__clerk",
    );
    expect(canonicalFrontendApiUrl("https://auth.example.com/__clerk")).toBe(
      "https://auth.example.com/__clerk",
    );
  });
});
