import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LATCHKEY_ENV_NAMES, PRIMARY_PUBLIC_PEM, SECRET_KEY } from "../testing.test-helpers.js";
import { frontendApiUrlOf, parsePublishableKey } from "./parse-publishable-key.js";
import { resolveConfig } from "./resolve-config.js";

beforeEach(() => {
  for (const name of LATCHKEY_ENV_NAMES) vi.stubEnv(name, "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const pk = (body: string, prefix = "pk_test_") => `${prefix}${btoa(body)}`;

describe("parsePublishableKey", () => {
  it("decodes host and path", () => {
    expect(parsePublishableKey(pk("clerk.example.com$"), "X")).toEqual({
      instanceType: "development",
      frontendApi: "clerk.example.com",
    });
    expect(parsePublishableKey(pk("localhost:3001/__clerk$", "pk_live_"), "X")).toEqual({
      instanceType: "production",
      frontendApi: "localhost:3001/__clerk",
    });
  });

  it.each([
    ["wrong prefix", `sk_test_${btoa("a.b$")}`],
    ["not base64", "pk_test_***"],
    ["no $ terminator", pk("clerk.example.com")],
    ["not a host", pk("<script>$")],
    ["empty", "pk_test_"],
  ])("refuses a key with %s, naming the variable", (_why, key) => {
    expect(() => parsePublishableKey(key, "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY")).toThrow(
      expect.objectContaining({
        code: "config-invalid",
        variable: "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY",
        message: expect.stringContaining("NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY"),
      }),
    );
  });

  it("gives an https Frontend API URL, http for local hosts", () => {
    expect(frontendApiUrlOf(parsePublishableKey(pk("clerk.example.com$"), "X"))).toBe(
      "https://clerk.example.com",
    );
    expect(frontendApiUrlOf(parsePublishableKey(pk("localhost:3001/__clerk$"), "X"))).toBe(
      "http://localhost:3001/__clerk",
    );
  });
});

describe("resolveConfig", () => {
  it("reads the environment at call time", () => {
    vi.stubEnv("CLERK_SECRET_KEY", SECRET_KEY);
    vi.stubEnv("CLERK_API_URL", "http://localhost:3001/");
    vi.stubEnv("NEXT_PUBLIC_CLERK_SIGN_IN_URL", "/login");
    const config = resolveConfig();
    expect(config.secretKey).toBe(SECRET_KEY);
    expect(config.apiUrl).toBe("http://localhost:3001");
    expect(config.frontendApiUrl).toBe("http://localhost:3001/__clerk");
    expect(config.signInUrl).toBe("/login");
    expect(config.signUpUrl).toBe("/sign-up");
    vi.stubEnv("CLERK_API_URL", "http://localhost:4000");
    expect(resolveConfig().apiUrl).toBe("http://localhost:4000");
  });

  it("lets options override the environment", () => {
    vi.stubEnv("CLERK_SECRET_KEY", "garbage");
    const config = resolveConfig({ secretKey: SECRET_KEY, signInUrl: "/in" });
    expect(config.secretKey).toBe(SECRET_KEY);
    expect(config.signInUrl).toBe("/in");
  });

  it("takes the Frontend API from the publishable key when CLERK_API_URL is not set", () => {
    const config = resolveConfig({
      jwtKey: PRIMARY_PUBLIC_PEM,
      publishableKey: pk("clerk.acme.test$"),
    });
    expect(config.apiUrl).toBe("https://api.clerk.com");
    expect(config.frontendApiUrl).toBe("https://clerk.acme.test");
  });

  it("reuses one configuration (and its client) while values are unchanged", () => {
    const options = { secretKey: SECRET_KEY };
    expect(resolveConfig(options)).toBe(resolveConfig(options));
    expect(resolveConfig(options).client).toBe(resolveConfig(options).client);
  });

  it("shares one configuration across equal options made afresh (options per request), but not across functions", () => {
    const perRequest = () => ({ secretKey: SECRET_KEY, authorizedParties: ["https://a.test"] });
    expect(resolveConfig(perRequest())).toBe(resolveConfig(perRequest()));
    expect(resolveConfig(perRequest()).client).toBe(resolveConfig(perRequest()).client);
    expect(resolveConfig({ ...perRequest(), authorizedParties: ["https://b.test"] })).not.toBe(
      resolveConfig(perRequest()),
    );
    const withFetch = () => ({ ...perRequest(), fetch: globalThis.fetch });
    expect(resolveConfig(withFetch())).not.toBe(resolveConfig(withFetch()));
  });

  it("notices a changed environment on the next call, and reuses the earlier configuration after", () => {
    const options = { secretKey: SECRET_KEY };
    const first = resolveConfig(options);
    vi.stubEnv("CLERK_API_URL", "http://localhost:4100");
    const changed = resolveConfig(options);
    expect(changed).not.toBe(first);
    expect(changed.apiUrl).toBe("http://localhost:4100");
    vi.stubEnv("CLERK_API_URL", "");
    expect(resolveConfig(options)).toBe(first);
  });

  it.each([
    [{}, "config-missing", "CLERK_SECRET_KEY"],
    [{ secretKey: "pk_test_abc" }, "config-invalid", "CLERK_SECRET_KEY"],
    [{ secretKey: "sk_" }, "config-invalid", "CLERK_SECRET_KEY"],
    [
      { jwtKey: "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----" },
      "config-invalid",
      "CLERK_JWT_KEY",
    ],
    [{ jwtKey: "not a key!" }, "config-invalid", "CLERK_JWT_KEY"],
    [{ secretKey: SECRET_KEY, apiUrl: "localhost:3001" }, "config-invalid", "CLERK_API_URL"],
    [{ secretKey: SECRET_KEY, apiUrl: "ftp://x.test" }, "config-invalid", "CLERK_API_URL"],
    [
      { secretKey: SECRET_KEY, publishableKey: "pk_test_@@" },
      "config-invalid",
      "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY",
    ],
    [
      { secretKey: SECRET_KEY, signInUrl: "sign-in" },
      "config-invalid",
      "NEXT_PUBLIC_CLERK_SIGN_IN_URL",
    ],
    [
      { secretKey: SECRET_KEY, signUpUrl: "//evil.test" },
      "config-invalid",
      "NEXT_PUBLIC_CLERK_SIGN_UP_URL",
    ],
  ])("refuses %j with %s naming %s", (options, code, variable) => {
    let error: unknown;
    try {
      resolveConfig(options);
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code, variable });
    expect((error as Error).message).toContain(variable);
    for (const value of Object.values(options)) {
      if (value.length > 6) expect((error as Error).message).not.toContain(value);
    }
  });

  it("names environment variables in errors too", () => {
    vi.stubEnv("CLERK_JWT_KEY", PRIMARY_PUBLIC_PEM);
    vi.stubEnv("CLERK_API_URL", "not a url");
    expect(() => resolveConfig()).toThrow(expect.objectContaining({ variable: "CLERK_API_URL" }));
  });
});

describe("resolveConfig: what it reads", () => {
  it("does not read a variable its option overrides, and reads it again once the option is gone", () => {
    vi.stubEnv("CLERK_SECRET_KEY", SECRET_KEY);
    vi.stubEnv("CLERK_JWT_KEY", "not a key!");
    const real = process.env;
    const reads: string[] = [];
    process.env = new Proxy(real, {
      get(target, name, receiver) {
        if (typeof name === "string") reads.push(name);
        return Reflect.get(target, name, receiver);
      },
    });
    try {
      const config = resolveConfig({ jwtKey: PRIMARY_PUBLIC_PEM, signInUrl: "/login" });
      expect(config.jwtKey).toBe(PRIMARY_PUBLIC_PEM);
      expect(config.signInUrl).toBe("/login");
      expect(reads).toContain("CLERK_SECRET_KEY");
      expect(reads).not.toContain("CLERK_JWT_KEY");
      expect(reads).not.toContain("NEXT_PUBLIC_CLERK_SIGN_IN_URL");
      // An empty option does not override: the (malformed) variable is read, and named.
      expect(() => resolveConfig({ jwtKey: "" })).toThrow(
        expect.objectContaining({ code: "config-invalid", variable: "CLERK_JWT_KEY" }),
      );
      expect(reads).toContain("CLERK_JWT_KEY");
    } finally {
      process.env = real;
    }
  });
});
