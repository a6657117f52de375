// The server entry, `@latchkey/nextjs/server` (the name Clerk apps import from), and the one list
// of server names: imported module by module so the middleware graph never reaches client code.
// The main entry (`index.ts`) re-exports these and adds the server `<ClerkProvider>`.
export {
  type AuthObject,
  AuthStatus,
  type ClerkClient,
  createClerkClient,
  type JwtPayload,
  type SignedInAuthObject,
  type SignedOutAuthObject,
  TokenVerificationError,
  type VerifyTokenOptions,
  type VerifyWebhookOptions,
  verifySessionToken,
  verifyToken,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from "@latchkey/backend";
export { type Auth, type AuthRedirectOptions, auth, type ServerAuthObject } from "./auth.js";
export { type AuthMiddlewareOptions, authMiddleware } from "./auth-middleware.js";
export { type CallableClerkClient, clerkClient } from "./clerk-client.js";
export {
  type ClerkMiddlewareHandler,
  type ClerkMiddlewareHandlerResult,
  type ClerkMiddlewareOptions,
  type ClerkMiddlewareOptionsParam,
  clerkMiddleware,
  type LatchkeyMiddleware,
} from "./clerk-middleware.js";
export {
  createRouteMatcher,
  type RouteMatcherParam,
  type RouteRequest,
} from "./create-route-matcher.js";
export { currentUser, type User } from "./current-user.js";
export { type GetAuthRequest, getAuth } from "./get-auth.js";
export type { DebugLogger } from "./internal/debug-log.js";
export type {
  ClerkMiddlewareAuth,
  MiddlewareAuthObject,
  MiddlewareProtect,
  RedirectToSignInOptions,
} from "./internal/middleware/middleware-auth.js";
export type {
  ProtectCondition,
  ProtectOptions,
  ProtectParams,
} from "./internal/protect-decision.js";
export { LatchkeyNextjsError, type LatchkeyNextjsErrorCode } from "./latchkey-nextjs-error.js";
export type { LatchkeyOptions } from "./latchkey-options.js";
