/**
 * Thrown inside a middleware handler by `auth.protect()` and `redirectToSignIn()` to stop it and
 * answer with `response`. `clerkMiddleware` catches it; it is not meant to escape.
 */
export class MiddlewareInterrupt extends Error {
  constructor(
    readonly response: Response,
    readonly decision: string,
  ) {
    super(`Request stopped by the auth middleware (${decision}).`);
    this.name = "MiddlewareInterrupt";
  }
}
