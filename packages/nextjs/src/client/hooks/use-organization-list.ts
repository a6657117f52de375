import { useCallback, useEffect, useState } from "react";
import type { CreateOrganizationParams, SetActiveParams } from "../internal/clerk-action-params.js";
import { useClerkContext, useClerkState } from "../internal/clerk-context.js";
import type {
  OrganizationMembershipResource,
  OrganizationResource,
} from "../internal/resources/organization-resource.js";

/** A paginated list, Clerk's shape (every membership arrives on one page). */
export interface PaginatedList<T> {
  data: T[];
  count: number;
  error: unknown;
  isLoading: boolean;
  isFetching: boolean;
  isError: boolean;
  page: number;
  pageCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  fetchNext(): void;
  fetchPrevious(): void;
  /** Fetches the list again. */
  revalidate(): Promise<void>;
}

/** Options of `useOrganizationList()`. */
export interface UseOrganizationListParams {
  /** Load the user's memberships (`true` or Clerk's paging options). */
  userMemberships?: boolean | { pageSize?: number; infinite?: boolean };
}

/** What `useOrganizationList()` returns. */
export interface UseOrganizationListReturn {
  isLoaded: boolean;
  userMemberships: PaginatedList<OrganizationMembershipResource>;
  setActive(params: SetActiveParams): Promise<void>;
  createOrganization(params: CreateOrganizationParams): Promise<OrganizationResource>;
}

/**
 * Clerk's `useOrganizationList()`: the user's memberships (`userMemberships: true`), `setActive`
 * to switch organization (session touch) and `createOrganization`.
 *
 * @throws {LatchkeyClientError} `provider-missing` outside `<ClerkProvider>`.
 * @example
 * ```tsx
 * const { userMemberships, setActive } = useOrganizationList({ userMemberships: true });
 * userMemberships.data.map((m) => (
 *   <button key={m.id} onClick={() => setActive({ organization: m.organization.id })}>
 *     {m.organization.name}
 *   </button>
 * ));
 * ```
 */
export function useOrganizationList(
  params: UseOrganizationListParams = {},
): UseOrganizationListReturn {
  const { core } = useClerkContext("useOrganizationList");
  const state = useClerkState("useOrganizationList");
  const wanted = Boolean(params.userMemberships);
  const signedIn = state.loaded && state.session !== null;
  const [fetching, setFetching] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const revalidate = useCallback(async () => {
    setFetching(true);
    try {
      await core.loadMemberships();
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setFetching(false);
    }
  }, [core]);

  const sessionId = state.session?.id;
  useEffect(() => {
    if (wanted && signedIn && sessionId) void revalidate();
  }, [wanted, signedIn, sessionId, revalidate]);

  const data = wanted && signedIn ? [...state.memberships.values()] : [];
  const isLoading = wanted && signedIn && !state.membershipsLoaded && error === null;
  return {
    isLoaded: state.loaded,
    userMemberships: {
      data,
      count: data.length,
      error,
      isLoading,
      isFetching: fetching,
      isError: error !== null,
      page: 1,
      pageCount: 1,
      hasNextPage: false,
      hasPreviousPage: false,
      fetchNext: () => undefined,
      fetchPrevious: () => undefined,
      revalidate,
    },
    setActive: (p) => core.setActive(p),
    createOrganization: (p) => core.createOrganization(p),
  };
}
