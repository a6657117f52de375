import { SignUp } from "@clerk/nextjs";

export const metadata = { title: "Sign up" };

// The catch-all route lets the component keep each step at its own URL
// (`/sign-up/verify-email-address`).
export default function SignUpPage() {
  return (
    <div className="auth-page">
      <SignUp />
    </div>
  );
}
