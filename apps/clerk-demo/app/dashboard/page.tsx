import { auth, currentUser } from "@clerk/nextjs/server";
import { DashboardView } from "../../../demo/components/dashboard-view";

export const metadata = { title: "Dashboard" };

// A protected server component: `proxy.ts` sends signed-out visitors away; `redirectToSignIn()`
// is the second line of defence. The page itself is the starter's (apps/demo).
export default async function DashboardPage() {
  const state = await auth();
  if (!state.userId) return state.redirectToSignIn();
  return <DashboardView auth={state} user={await currentUser()} />;
}
