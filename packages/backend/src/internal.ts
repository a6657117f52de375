/**
 * `@latchkey/backend/internal`: what `@latchkey/nextjs` builds on and apps should not call. No
 * semver promise: it changes with the SDKs that use it.
 */
export {
  authenticateRequestFromCache,
  type CachedAuthentication,
} from "./auth/authenticate-request.js";
