import { useEffect } from "react";
import { useClerkContext, useClerkState } from "../internal/clerk-context.js";
import type {
  OrganizationMembershipResource,
  OrganizationResource,
} from "../internal/resources/organization-resource.js";

/** What `useOrganization()` returns. */
export type UseOrganizationReturn =
  | { isLoaded: false; organization: undefined; membership: undefined }
  | {
      isLoaded: true;
      organization: OrganizationResource | null;
      membership: OrganizationMembershipResource | null;
    };

/**
 * Clerk's `useOrganization()`: the active organization and the user's membership in it (loaded
 * from the user's memberships when not known yet).
 *
 * @throws {LatchkeyClientError} `provider-missing` outside `<ClerkProvider>`.
 * @example
 * ```tsx
 * const { organization, membership } = useOrganization();
 * return <h1>{organization?.name ?? "Personal account"} ({membership?.role})</h1>;
 * ```
 */
export function useOrganization(): UseOrganizationReturn {
  const { core } = useClerkContext("useOrganization");
  const state = useClerkState("useOrganization");
  const orgId = state.session?.lastActiveOrganizationId ?? null;
  const missing = state.loaded && orgId !== null && !state.memberships.has(orgId);
  const shouldFetch = missing && !state.membershipsLoaded;
  useEffect(() => {
    if (shouldFetch) core.loadMemberships().catch(() => undefined);
  }, [core, shouldFetch]);
  if (!state.loaded || shouldFetch) {
    return { isLoaded: false, organization: undefined, membership: undefined };
  }
  const membership = orgId === null ? null : (state.memberships.get(orgId) ?? null);
  return { isLoaded: true, organization: membership?.organization ?? null, membership };
}
