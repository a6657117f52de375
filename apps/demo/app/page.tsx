import { auth } from "@latchkey/nextjs/server";
import Link from "next/link";
import { AccountPrompt } from "@/components/account-prompt";

// Public page: anyone may see it. `auth()` still works here and tells who is visiting.
export default async function HomePage() {
  const { userId } = await auth();
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">Your app, your auth server</h1>
      <p>
        This starter runs on <strong>Latchkey</strong>, a Clerk-compatible auth server you host
        yourself. The code uses the same calls as Clerk's Next.js SDK: <code>clerkMiddleware</code>,{" "}
        <code>auth()</code>, <code>currentUser()</code>, <code>getAuth(req)</code>.
      </p>
      <AccountPrompt signedIn={Boolean(userId)} />
      <h2>What to look at</h2>
      <ul>
        <li>
          <code>proxy.ts</code> — protects pages and forwards <code>/__clerk</code> to the instance.
        </li>
        <li>
          <code>app/dashboard/page.tsx</code> — a server component with <code>auth()</code>.
        </li>
        <li>
          <code>app/api/userinfo/route.ts</code> — an API route with <code>getAuth(req)</code>.
        </li>
        <li>
          <code>app/api/webhooks/route.ts</code> — keeps{" "}
          <Link href="/synced-users">a copy of the users</Link> in the app's own database.
        </li>
      </ul>
    </section>
  );
}
