import { confirmedDelete } from "../../console-delete-card.js";

/** Deleting a JWT template from its page, once its id is typed. */
export const templateDeletion = confirmedDelete({
  collection: "/jwt-templates",
  noun: "template",
  explanation: "Apps asking for a token from this template get an error once it is gone.",
  action: "jwt_template.delete",
  apiPath: (id) => `/v1/jwt_templates/${id}`,
  success: (id) => `Template ${id} deleted.`,
});
