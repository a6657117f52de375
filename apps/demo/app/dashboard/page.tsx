import { auth, currentUser } from "@latchkey/nextjs/server";
import { DashboardView } from "@/components/dashboard-view";

export const metadata = { title: "Dashboard" };

// A protected server component. `proxy.ts` already sent signed-out visitors to /sign-in; the
// `redirectToSignIn()` below is a second line of defence should the matcher ever miss this page.
export default async function DashboardPage() {
  const state = await auth();
  if (!state.userId) return state.redirectToSignIn();
  return <DashboardView auth={state} user={await currentUser()} />;
}
