import { confirmedDelete } from "../../console-delete-card.js";

/** Deleting a user from their page, once their id is typed. */
export const userDeletion = confirmedDelete({
  collection: "/users",
  noun: "user",
  explanation: "Deletes the user, their identifications and sessions. This cannot be undone.",
  action: "user.delete",
  apiPath: (id) => `/v1/users/${id}`,
  success: (id) => `User ${id} deleted.`,
});
