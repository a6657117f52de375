import { auth } from "@clerk/nextjs/server";
import { AccountPrompt } from "../../demo/components/account-prompt";

// Public page; `auth()` still says who is visiting.
export default async function HomePage() {
  const { userId } = await auth();
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">Clerk's components, your own auth server</h1>
      <p>
        Every line of this app comes from Clerk's Next.js SDK (<code>@clerk/nextjs</code>) and its
        prebuilt components. Only the environment points it at a self-hosted instance.
      </p>
      <AccountPrompt signedIn={Boolean(userId)} />
    </section>
  );
}
