import { clerkMiddleware, createRouteMatcher } from "@latchkey/nextjs/server";

// Pages that need a signed-in user. Signed-out visitors are sent to /sign-in?redirect_url=…
const isProtectedPage = createRouteMatcher([
  "/dashboard(.*)",
  "/organizations(.*)",
  "/synced-users(.*)",
]);

// Runs before every matched request (Next 16 calls this file `proxy.ts`; it used to be
// `middleware.ts`). It verifies the session token, renews it when it has expired, and forwards
// `/__clerk/*` to the Latchkey instance so the browser talks to it on this app's own origin.
export default clerkMiddleware(async (auth, req) => {
  if (isProtectedPage(req)) await auth.protect();
});

export const config = {
  matcher: [
    // Everything except Next internals and static files…
    "/((?!_next|[^?]*\\.(?:css|js|map|png|jpg|jpeg|gif|svg|ico|webp|woff2?|txt)).*)",
    // …and always the API routes and the Frontend API.
    "/(api|__clerk)(.*)",
  ],
};
