import { SignUp } from "@latchkey/nextjs/client";
import { DevMailboxLink } from "@/components/dev-mailbox-link";

export const metadata = { title: "Sign up" };

// The optional catch-all route (`[[...sign-up]]`) lets the component keep each step at its own
// URL (`/sign-up/verify-email-address`).
export default function SignUpPage() {
  return (
    <div className="auth-page">
      <SignUp routing="path" path="/sign-up" fallbackRedirectUrl="/dashboard" />
      <DevMailboxLink />
    </div>
  );
}
