// @vitest-environment jsdom
import { ClerkAPIResponseError } from "@latchkey/backend";
import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useLockoutMemory } from "./use-lockout-memory.js";

function apiError(code: string, meta: Record<string, unknown> = {}, status = 403) {
  return new ClerkAPIResponseError("failed", {
    status,
    errors: [{ code, message: code, longMessage: "", meta }],
  });
}

describe("useLockoutMemory", () => {
  it("shows a later refusal of a locked identifier as the lock, with the time left", () => {
    let now = 1_000_000;
    const { result } = renderHook(() => useLockoutMemory(() => now));
    const locked = apiError("user_locked", { lockoutExpiresInSeconds: 600 });
    expect(result.current.explain(locked, "Ada@Example.com")).toBe(locked);

    now += 120_000;
    const limited = apiError("too_many_requests", {}, 429);
    const shown = result.current.explain(limited, " ada@example.com ") as ClerkAPIResponseError;
    expect(shown).toBeInstanceOf(ClerkAPIResponseError);
    expect(shown.errors).toEqual([
      expect.objectContaining({ code: "user_locked", meta: { lockoutExpiresInSeconds: 480 } }),
    ]);
    // Another identifier, or another error, is left as it is.
    expect(result.current.explain(limited, "grace@example.com")).toBe(limited);
    const wrong = apiError("form_password_incorrect", {}, 422);
    expect(result.current.explain(wrong, "ada@example.com")).toBe(wrong);
  });

  it("forgets the lock once it has ended", () => {
    let now = 0;
    const { result } = renderHook(() => useLockoutMemory(() => now));
    result.current.explain(apiError("user_locked", { lockoutExpiresInSeconds: 60 }), "a@b.io");
    now = 61_000;
    const limited = apiError("too_many_requests", {}, 429);
    expect(result.current.explain(limited, "a@b.io")).toBe(limited);
  });

  it("leaves what is not the instance's answer alone", () => {
    const { result } = renderHook(() => useLockoutMemory());
    const error = new TypeError("offline");
    expect(result.current.explain(error, "a@b.io")).toBe(error);
  });
});
