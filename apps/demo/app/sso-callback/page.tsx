import { AuthenticateWithRedirectCallback } from "@latchkey/nextjs/client";

export const metadata = { title: "Signing in" };

// Where social providers send people back ("Continue with …" on /sign-in and /sign-up): the
// component finishes the sign-in or sign-up, then goes on to where the flow was headed (the
// dashboard, or the page that sent the visitor to sign in), or shows why it could not.
export default function SsoCallbackPage() {
  return (
    <div className="auth-page">
      <AuthenticateWithRedirectCallback
        signInFallbackRedirectUrl="/dashboard"
        signUpFallbackRedirectUrl="/dashboard"
      />
    </div>
  );
}
