"use server";

import { auth, clerkClient } from "@latchkey/nextjs/server";
import { redirect } from "next/navigation";

// Server actions are public endpoints: each one checks the session (and role) itself, even though
// the page that shows the form already did.

/** What {@link createOrganization} answers the form (`useActionState`). */
export type CreateOrganizationState =
  | { status: "idle" }
  | { status: "created"; id: string; name: string }
  | { status: "error"; message: string };

/**
 * Creates an organization; the signed-in user becomes its admin. The form then makes it the
 * active organization in the browser (`setActive`), which only the session's client can do.
 */
export async function createOrganization(
  _previous: CreateOrganizationState,
  formData: FormData,
): Promise<CreateOrganizationState> {
  const { userId } = await auth.protect();
  const name = String(formData.get("name") ?? "").trim();
  if (name === "") return { status: "error", message: "Give the organization a name." };
  if (name.length > 100) {
    return { status: "error", message: "Use at most 100 characters for the name." };
  }
  const client = await clerkClient();
  try {
    const organization = await client.organizations.createOrganization({
      name,
      createdBy: userId,
    });
    return { status: "created", id: organization.id, name: organization.name };
  } catch (error) {
    // The Backend API refuses names with links or HTML (422, `form_param_value_invalid`).
    if ((error as { status?: unknown } | null)?.status === 422) {
      return {
        status: "error",
        message: "Use a name without web addresses or HTML, of at most 100 characters.",
      };
    }
    throw error;
  }
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
