import { clerkMiddleware, createRouteMatcher } from "@clerk/nextjs/server";

// Pages that need a signed-in user; signed-out visitors are sent to the sign-in page.
const isProtectedPage = createRouteMatcher([
  "/dashboard(.*)",
  "/user-profile(.*)",
  "/organizations(.*)",
  "/create-organization(.*)",
  "/synced-users(.*)",
]);

// Clerk's middleware, unchanged. `frontendApiProxy` makes the app forward `/__clerk/*` to the
// Frontend API named by CLERK_FAPI_URL, so the browser only ever talks to this app's origin
// (NEXT_PUBLIC_CLERK_PROXY_URL=/__clerk tells the components to call it there).
export default clerkMiddleware(
  async (auth, req) => {
    if (isProtectedPage(req)) await auth.protect();
  },
  { frontendApiProxy: { enabled: true } },
);

export const config = {
  matcher: [
    // Everything except Next internals and static files…
    "/((?!_next|[^?]*\\.(?:css|js|map|png|jpg|jpeg|gif|svg|ico|webp|woff2?|txt)).*)",
    // …and always the API routes and the proxied Frontend API (its bundles end in .js).
    "/(api|__clerk)(.*)",
  ],
};
