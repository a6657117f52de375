import { SignIn } from "@latchkey/nextjs/client";
import { DevMailboxLink } from "@/components/dev-mailbox-link";

export const metadata = { title: "Sign in" };

// After signing in, the component returns to `?redirect_url=` (set by the middleware when it
// sent the visitor here), or to the dashboard.
export default function SignInPage() {
  return (
    <div className="auth-page">
      <SignIn routing="path" path="/sign-in" fallbackRedirectUrl="/dashboard" />
      <DevMailboxLink />
    </div>
  );
}
