import Link from "next/link";

// The home page's next step: the dashboard for a signed-in visitor, sign-up or sign-in otherwise.
export function AccountPrompt({ signedIn }: { signedIn: boolean }) {
  return signedIn ? (
    <p>
      You are signed in. Open your <Link href="/dashboard">dashboard</Link>.
    </p>
  ) : (
    <p>
      <Link href="/sign-up" className="button">
        Create an account
      </Link>{" "}
      or <Link href="/sign-in">sign in</Link>.
    </p>
  );
}
