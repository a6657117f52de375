import { UserButton } from "@latchkey/nextjs/client";
import { auth } from "@latchkey/nextjs/server";
import Link from "next/link";

// The header is a server component: `auth()` tells signed-in from signed-out visitors before
// any JavaScript runs, so the right links appear on the first paint. It wraps on narrow screens
// (globals.css): on a phone the user menu stays beside the brand and the links take a row below.
export async function SiteHeader() {
  const { userId } = await auth();
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Latchkey demo
      </Link>
      <nav aria-label="Main">
        {userId ? (
          <ul>
            <li>
              <Link href="/dashboard">Dashboard</Link>
            </li>
            <li>
              <Link href="/organizations">Organizations</Link>
            </li>
            <li>
              <Link href="/synced-users">Synced users</Link>
            </li>
          </ul>
        ) : (
          <ul>
            <li>
              <Link href="/sign-in">Sign in</Link>
            </li>
            <li>
              <Link href="/sign-up" className="button">
                Sign up
              </Link>
            </li>
          </ul>
        )}
      </nav>
      {userId ? (
        <div className="account">
          <UserButton />
        </div>
      ) : null}
    </header>
  );
}
