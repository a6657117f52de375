import type { OrganizationResource } from "./resources/organization-resource.js";
import type { SessionResource } from "./resources/session-resource.js";

/** `setActive()` parameters (Clerk's shape). */
export interface SetActiveParams {
  /** Session id or resource; null leaves no active session on this page. Default: the current. */
  session?: string | SessionResource | null;
  /** Organization id, slug or resource; null = personal account. Default: unchanged. */
  organization?: string | OrganizationResource | null;
  /** Where to go after switching (a refresh of the server components happens either way). */
  redirectUrl?: string;
  /** Runs after the switch and before the state is published. */
  beforeEmit?: () => unknown;
}

/** `signOut()` options (Clerk's shape). */
export interface SignOutOptions {
  /** Sign out only this session (default: every session of the client). */
  sessionId?: string;
  /** Where to go after signing out (default `afterSignOutUrl`, else `/`). */
  redirectUrl?: string;
}

/** `createOrganization()` parameters. */
export interface CreateOrganizationParams {
  name: string;
  slug?: string;
}
