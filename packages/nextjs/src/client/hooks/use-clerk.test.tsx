// @vitest-environment jsdom
import { cleanup } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ClerkProvider } from "../clerk-provider.js";
import {
  createBrowserFetch,
  renderWithProvider,
  useTestInstance,
} from "../internal/test-app.test-helpers.js";
import { type Clerk, useClerk } from "./use-clerk.js";

function ClerkProbe(props: { seen: Clerk[] }) {
  props.seen.push(useClerk());
  return null;
}

describe("useClerk", () => {
  const instance = useTestInstance();
  afterEach(cleanup);

  it("keeps one object while the provider re-renders with new props (effects that depend on it run once)", () => {
    const browser = createBrowserFetch(instance);
    const seen: Clerk[] = [];
    const { rerender } = renderWithProvider(<ClerkProbe seen={seen} />, { browser });
    // A server refresh hands the provider a new initial state and redirect props.
    for (const url of ["/a", "/b"]) {
      rerender(
        <ClerkProvider
          fetch={browser.fetch}
          signInFallbackRedirectUrl={url}
          initialState={{
            userId: null,
            sessionId: null,
            orgId: null,
            orgRole: null,
            orgSlug: null,
            sessionClaims: null,
          }}
        >
          <ClerkProbe seen={seen} />
        </ClerkProvider>,
      );
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(1);
  });
});
