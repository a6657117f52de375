import { UserButton } from "@clerk/nextjs";
import { auth } from "@clerk/nextjs/server";
import Link from "next/link";

// A server component: `auth()` decides which links to show before any JavaScript runs.
export async function SiteHeader() {
  const { userId } = await auth();
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Clerk SDK demo
      </Link>
      <nav aria-label="Main">
        <ul>
          {userId ? (
            <>
              <li>
                <Link href="/dashboard">Dashboard</Link>
              </li>
              <li>
                <Link href="/organizations">Organizations</Link>
              </li>
              <li>
                <Link href="/user-profile">Profile</Link>
              </li>
              <li>
                <Link href="/synced-users">Synced users</Link>
              </li>
            </>
          ) : (
            <>
              <li>
                <Link href="/sign-in">Sign in</Link>
              </li>
              <li>
                <Link href="/sign-up" className="button">
                  Sign up
                </Link>
              </li>
            </>
          )}
        </ul>
      </nav>
      {userId ? <UserButton /> : null}
    </header>
  );
}
