"use server";

import { auth, clerkClient } from "@latchkey/nextjs/server";
import { redirect } from "next/navigation";

// Server actions are public endpoints: each one checks the session (and role) itself, even though
// the page that shows the form already did.

/** Creates an organization; the signed-in user becomes its admin. */
export async function createOrganization(formData: FormData): Promise<void> {
  const { userId } = await auth.protect();
  const name = String(formData.get("name") ?? "").trim();
  if (name === "" || name.length > 100) redirect("/organizations?error=name");
  const client = await clerkClient();
  const organization = await client.organizations.createOrganization({ name, createdBy: userId });
  redirect(`/organizations?created=${encodeURIComponent(organization.slug)}`);
}

/** Invites someone by email to the active organization. Admins only. */
export async function inviteMember(formData: FormData): Promise<void> {
  const { userId, orgId } = await auth.protect({ role: "org:admin" });
  const emailAddress = String(formData.get("email") ?? "").trim();
  const role = formData.get("role") === "org:admin" ? "org:admin" : "org:member";
  if (!orgId || !/^[^\s@]+@[^\s@]+$/.test(emailAddress)) redirect("/organizations?error=email");
  const client = await clerkClient();
  await client.organizations.createOrganizationInvitation({
    organizationId: orgId,
    emailAddress,
    role,
    inviterUserId: userId,
  });
  redirect(`/organizations?invited=${encodeURIComponent(emailAddress)}`);
}
