// The server entry, `@latchkey/nextjs/server` (the name Clerk apps import from), and the one list
// of server names: imported module by module so the middleware graph never reaches client code.
// The main entry (`index.ts`) re-exports these and adds the server `<ClerkProvider>`.
export type {
  AuthObject,
  ClerkClient,
  JwtPayload,
  SignedInAuthObject,
  SignedOutAuthObject,
  VerifyTokenOptions,
  VerifyWebhookOptions,
  WebhookEvent,
} from "@latchkey/backend";
export {
  AuthStatus,
  createClerkClient,
  TokenVerificationError,
  verifySessionToken,
  verifyToken,
  verifyWebhook,
  WebhookVerificationError,
} from "@latchkey/backend";
export type { Auth, AuthRedirectOptions, ServerAuthObject } from "./auth.js";
export { auth } from "./auth.js";
export type { AuthMiddlewareOptions } from "./auth-middleware.js";
export { authMiddleware } from "./auth-middleware.js";
export type { CallableClerkClient } from "./clerk-client.js";
export { clerkClient } from "./clerk-client.js";
export type {
  ClerkMiddlewareHandler,
  ClerkMiddlewareHandlerResult,
  ClerkMiddlewareOptions,
  ClerkMiddlewareOptionsParam,
  LatchkeyMiddleware,
} from "./clerk-middleware.js";
export { clerkMiddleware } from "./clerk-middleware.js";
export type { RouteMatcherParam, RouteRequest } from "./create-route-matcher.js";
export { createRouteMatcher } from "./create-route-matcher.js";
export type { User } from "./current-user.js";
export { currentUser } from "./current-user.js";
export type { GetAuthRequest } from "./get-auth.js";
export { getAuth } from "./get-auth.js";
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
export type { LatchkeyNextjsErrorCode } from "./latchkey-nextjs-error.js";
export { LatchkeyNextjsError } from "./latchkey-nextjs-error.js";
export type { LatchkeyOptions } from "./latchkey-options.js";
