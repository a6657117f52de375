import Link from "next/link";
import type { ReactNode } from "react";

/** A link of the main navigation. */
export interface NavLink {
  href: string;
  label: string;
}

/** The pages every signed-in user is offered. */
const SIGNED_IN_LINKS: NavLink[] = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/organizations", label: "Organizations" },
  { href: "/synced-users", label: "Synced users" },
];

// The header's markup, given who is visiting: the pages of a signed-in user and their account
// menu, or the links to sign in and sign up. It wraps on narrow screens (globals.css): on a phone
// the account menu stays beside the brand and the links take a row below.
export function SiteHeaderView(props: {
  brand: string;
  signedIn: boolean;
  /** Pages a signed-in user is offered besides the dashboard, organizations and synced users. */
  moreLinks?: NavLink[];
  /** The account menu (`<UserButton />`), shown when signed in. */
  account: ReactNode;
}) {
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        {props.brand}
      </Link>
      <nav aria-label="Main">
        {props.signedIn ? (
          <ul>
            {[...SIGNED_IN_LINKS, ...(props.moreLinks ?? [])].map((link) => (
              <li key={link.href}>
                <Link href={link.href}>{link.label}</Link>
              </li>
            ))}
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
      {props.signedIn ? <div className="account">{props.account}</div> : null}
    </header>
  );
}
