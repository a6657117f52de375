import { SignIn } from "@clerk/nextjs";

export const metadata = { title: "Sign in" };

// The catch-all route lets the component keep each step at its own URL.
export default function SignInPage() {
  return (
    <div className="auth-page">
      <SignIn />
    </div>
  );
}
