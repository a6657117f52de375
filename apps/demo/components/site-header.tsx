import { UserButton } from "@latchkey/nextjs/client";
import { auth } from "@latchkey/nextjs/server";
import { SiteHeaderView } from "./site-header-view";

// The header is a server component: `auth()` tells signed-in from signed-out visitors before
// any JavaScript runs, so the right links appear on the first paint.
export async function SiteHeader() {
  const { userId } = await auth();
  return (
    <SiteHeaderView brand="Latchkey demo" signedIn={Boolean(userId)} account={<UserButton />} />
  );
}
