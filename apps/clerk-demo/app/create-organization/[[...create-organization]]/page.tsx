import { CreateOrganization } from "@clerk/nextjs";

export const metadata = { title: "New organization" };

// Creates an organization, makes it the active one, then returns to the list.
export default function CreateOrganizationPage() {
  return (
    <div className="auth-page">
      <CreateOrganization afterCreateOrganizationUrl="/organizations" />
    </div>
  );
}
