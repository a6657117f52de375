import { clerkMiddleware as clerkSdkMiddleware } from "@clerk/nextjs/server";
import { clerkMiddleware } from "@latchkey/nextjs/server";
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";

// One proxy, four benchmark cases, chosen by the first path segment:
//   /plain/*     not matched by `config.matcher`: the proxy never runs (baseline i);
//   /next/*      the proxy only answers `NextResponse.next()` (ii);
//   /forward/*   the proxy adds one request header for the page (`NextResponse.next({ request })`),
//                the least any middleware that hands a verdict to the page does (ii+);
//   /latchkey/*  our `clerkMiddleware` + `auth.protect()` (iii);
//   /clerk/*     `@clerk/nextjs`'s `clerkMiddleware` + `auth.protect()`, networkless (iv).
// The bench (../nextjs-middleware.bench.ts) starts `next start` with a fresh key pair in the
// environment; both SDKs get the same public key and the same authorized party as options.
const jwtKey = process.env.CLERK_JWT_KEY;
const authorizedParties = process.env.BENCH_ORIGIN ? [process.env.BENCH_ORIGIN] : undefined;
// Both read the secret key from `CLERK_SECRET_KEY` (@clerk/nextjs wants `CLERK_ENCRYPTION_KEY`
// when a secret key is passed as an option).
const options = {
  jwtKey,
  publishableKey: process.env.BENCH_PUBLISHABLE_KEY,
  authorizedParties,
};

const latchkey = clerkMiddleware(async (auth) => {
  await auth.protect();
}, options);

const clerk = clerkSdkMiddleware(async (auth) => {
  await auth.protect();
}, options);

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  const path = request.nextUrl.pathname;
  if (path.startsWith("/latchkey/")) return latchkey(request, event);
  if (path.startsWith("/clerk/")) return clerk(request, event);
  if (path.startsWith("/forward/")) {
    const headers = new Headers(request.headers);
    headers.set("x-bench-verdict", "signed-in");
    return NextResponse.next({ request: { headers } });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/next/:path*", "/forward/:path*", "/latchkey/:path*", "/clerk/:path*"],
};
