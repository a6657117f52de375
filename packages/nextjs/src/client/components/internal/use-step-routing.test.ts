// @vitest-environment jsdom
import { cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useStepRouting } from "./use-step-routing.js";

const STEPS = ["start", "verify-email-address"] as const;

afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
});

describe("useStepRouting", () => {
  it("reads the step from the hash, trailing slashes ignored", async () => {
    window.history.replaceState(null, "", "/sign-up#/verify-email-address//");
    const { result } = renderHook(() => useStepRouting("hash", undefined, STEPS));
    await waitFor(() => expect(result.current[0]).toBe("verify-email-address"));
  });

  it("reads the step from the path under `path`", async () => {
    window.history.replaceState(null, "", "/sign-up/verify-email-address/");
    const { result } = renderHook(() => useStepRouting("path", "/sign-up/", STEPS));
    await waitFor(() => expect(result.current[0]).toBe("verify-email-address"));
  });

  it("falls back to the first step on a link of 200,000 slashes then a letter (read in linear time)", async () => {
    // A trailing-slash pattern backtracked quadratically here: minutes of a frozen tab.
    window.history.replaceState(null, "", `/sign-up#/${"/".repeat(200_000)}x`);
    const { result } = renderHook(() => useStepRouting("hash", undefined, STEPS));
    await waitFor(() => expect(result.current[0]).toBe("start"));
    window.history.replaceState(null, "", `/sign-up/${"/".repeat(200_000)}x`);
    const byPath = renderHook(() => useStepRouting("path", "/sign-up", STEPS));
    await waitFor(() => expect(byPath.result.current[0]).toBe("start"));
  });
});
