import { UserProfile } from "@clerk/nextjs";

export const metadata = { title: "Profile" };

// Name, email addresses, password and active devices, managed by Clerk's component.
export default function UserProfilePage() {
  return (
    <div className="auth-page">
      <UserProfile />
    </div>
  );
}
