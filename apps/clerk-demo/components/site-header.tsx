import { UserButton } from "@clerk/nextjs";
import { auth } from "@clerk/nextjs/server";
import { SiteHeaderView } from "../../demo/components/site-header-view";

// A server component: `auth()` decides which links to show before any JavaScript runs. The
// markup is the starter's (apps/demo), with Clerk's `<UserButton />` and a profile page.
export async function SiteHeader() {
  const { userId } = await auth();
  return (
    <SiteHeaderView
      brand="Clerk SDK demo"
      signedIn={Boolean(userId)}
      moreLinks={[{ href: "/user-profile", label: "Profile" }]}
      account={<UserButton />}
    />
  );
}
