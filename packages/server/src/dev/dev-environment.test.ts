import { describe, expect, it } from "vitest";
import { devEnvironment } from "./dev-environment.js";

const instanceEnv = {
  CLERK_SECRET_KEY: "sk_test_kept",
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_new",
  CLERK_API_URL: "http://localhost:4200",
  CLERK_WEBHOOK_SIGNING_SECRET: "whsec_kept",
};

describe("devEnvironment", () => {
  it("points the app at the running instance, whatever a kept .env.local says, and says so", () => {
    const { env, notes } = devEnvironment({
      instanceEnv,
      envFile: {
        CLERK_API_URL: "http://localhost:4100",
        NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_old",
        CLERK_SECRET_KEY: "sk_test_kept",
      },
      commandLine: { LATCHKEY_PORT: "4200" },
      appPort: 3001,
      envFileLabel: "apps/demo/.env.local",
    });
    expect(env.CLERK_API_URL).toBe("http://localhost:4200");
    expect(env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY).toBe("pk_test_new");
    expect(env.PORT).toBe("3001");
    expect(notes).toEqual([
      "apps/demo/.env.local has CLERK_API_URL=http://localhost:4100, but the instance runs with http://localhost:4200: using the instance's. Update or delete that line.",
      "apps/demo/.env.local has NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_test_old, but the instance runs with pk_test_new: using the instance's. Update or delete that line.",
    ]);
  });

  it("points Clerk's Frontend API proxy at the running instance too", () => {
    const { env, notes } = devEnvironment({
      instanceEnv: { ...instanceEnv, CLERK_FAPI_URL: "http://localhost:4200/__clerk" },
      envFile: { CLERK_FAPI_URL: "http://localhost:4100/__clerk" },
      commandLine: {},
      appPort: 3000,
    });
    expect(env.CLERK_FAPI_URL).toBe("http://localhost:4200/__clerk");
    expect(notes).toEqual([
      ".env.local has CLERK_FAPI_URL=http://localhost:4100/__clerk, but the instance runs with http://localhost:4200/__clerk: using the instance's. Update or delete that line.",
    ]);
  });

  it("respects an edited .env.local, and the command line over it", () => {
    const { env, notes } = devEnvironment({
      instanceEnv,
      envFile: { DEMO_DATABASE_URL: "postgres://file", NEXT_PUBLIC_CLERK_SIGN_IN_URL: "/login" },
      commandLine: { DEMO_DATABASE_URL: "postgres://command-line", PORT: "9999" },
      appPort: 3000,
    });
    expect(env.NEXT_PUBLIC_CLERK_SIGN_IN_URL).toBe("/login");
    expect(env.DEMO_DATABASE_URL).toBe("postgres://command-line");
    // The port chosen (checked free) is the one the app gets.
    expect(env.PORT).toBe("3000");
    expect(notes).toEqual([]);
  });

  it("names .env.local when not told otherwise, and reports the command line too", () => {
    const { notes } = devEnvironment({
      instanceEnv,
      envFile: { CLERK_API_URL: "http://localhost:4100" },
      commandLine: { CLERK_API_URL: "http://localhost:4300" },
      appPort: 3000,
    });
    expect(notes).toEqual([
      ".env.local has CLERK_API_URL=http://localhost:4100, but the instance runs with http://localhost:4200: using the instance's. Update or delete that line.",
      "the command line has CLERK_API_URL=http://localhost:4300, but the instance runs with http://localhost:4200: using the instance's.",
    ]);
  });
});
