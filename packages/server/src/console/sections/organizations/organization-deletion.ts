import { confirmedDelete } from "../../console-delete-card.js";

/** Deleting an organization from its page, once its id is typed. */
export const organizationDeletion = confirmedDelete({
  collection: "/organizations",
  noun: "organization",
  explanation:
    "Deletes the organization with its memberships and invitations. This cannot be undone.",
  action: "organization.delete",
  apiPath: (id) => `/v1/organizations/${id}`,
  success: (id) => `Organization ${id} deleted.`,
});
