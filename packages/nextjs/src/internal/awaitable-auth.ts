import type { AuthObject } from "@latchkey/backend";
import { LatchkeyNextjsError } from "../latchkey-nextjs-error.js";

/**
 * An auth object that can be read at once (as Clerk's synchronous `getAuth`) and awaited (when
 * the verdict needs a token verification first). `then` is not enumerable, so spreading or
 * serialising the object copies only the auth fields.
 */
export type AwaitableAuth = AuthObject & PromiseLike<AuthObject>;

/** Wraps an auth object known now: reading works at once, `await` gives the plain object. */
export function settledAuth(auth: AuthObject): AwaitableAuth {
  const result = { ...auth } as AwaitableAuth;
  // biome-ignore lint/suspicious/noThenProperty: thenable on purpose, so `await getAuth(req)` works.
  Object.defineProperty(result, "then", {
    enumerable: false,
    value: ((onFulfilled, onRejected) =>
      Promise.resolve(auth).then(
        onFulfilled,
        onRejected,
      )) satisfies PromiseLike<AuthObject>["then"],
  });
  return result;
}

/**
 * Wraps an auth object still being resolved: `await` gives it; reading any field first throws
 * `auth-not-ready` (fail closed: never a signed-out default that hides the mistake).
 */
export function pendingAuth(pending: Promise<AuthObject>, why: string): AwaitableAuth {
  // Handled here so that a caller who only reads (and gets the error) leaves no unhandled rejection.
  pending.catch(() => {});
  const then: PromiseLike<AuthObject>["then"] = (onFulfilled, onRejected) =>
    pending.then(onFulfilled, onRejected);
  return new Proxy({} as AwaitableAuth, {
    get(_target, property) {
      if (property === "then") return then;
      // Probes by runtimes and inspectors (`Symbol.toStringTag`, `util.inspect.custom`…) read
      // symbols: answer them as a plain object would instead of throwing.
      if (typeof property === "symbol") return undefined;
      throw new LatchkeyNextjsError(
        "auth-not-ready",
        `getAuth(req).${property} was read before the auth object was ready: ${why} Use \`const { userId } = await getAuth(req)\`.`,
      );
    },
    has(_target, property) {
      return property === "then";
    },
    ownKeys() {
      return [];
    },
  });
}
