import type { AnyRoute } from "../../define-route.js";
import {
  banUserRoute,
  lockUserRoute,
  unbanUserRoute,
  unlockUserRoute,
} from "./ban-and-lock-routes.js";
import { bulkBanUsersRoute, bulkUnbanUsersRoute } from "./bulk-ban-users-route.js";
import { countUsersRoute } from "./count-users-route.js";
import { createUserRoute } from "./create-user-route.js";
import { deleteExternalAccountRoute } from "./delete-external-account-route.js";
import { deleteProfileImageRoute } from "./delete-profile-image-route.js";
import { deleteTotpRoute, disableMfaRoute } from "./delete-totp-route.js";
import { deleteUserRoute } from "./delete-user-route.js";
import { getOAuthAccessTokensRoute } from "./get-oauth-access-tokens-route.js";
import { getUserRoute } from "./get-user-route.js";
import { listUsersRoute } from "./list-users-route.js";
import { removePasswordRoute } from "./remove-password-route.js";
import { setProfileImageRoute } from "./set-profile-image-route.js";
import { replaceUserMetadataRoute, updateUserMetadataRoute } from "./update-user-metadata-route.js";
import { updateUserRoute } from "./update-user-route.js";
import { verifyPasswordRoute } from "./verify-password-route.js";
import { verifyTotpRoute } from "./verify-totp-route.js";

/** The `/v1/users` routes (static paths such as `/v1/users/count` before `/v1/users/{user_id}`). */
export const usersRoutes: readonly AnyRoute[] = [
  countUsersRoute,
  bulkBanUsersRoute,
  bulkUnbanUsersRoute,
  listUsersRoute,
  createUserRoute,
  getUserRoute,
  updateUserRoute,
  deleteUserRoute,
  banUserRoute,
  unbanUserRoute,
  lockUserRoute,
  unlockUserRoute,
  updateUserMetadataRoute,
  replaceUserMetadataRoute,
  setProfileImageRoute,
  deleteProfileImageRoute,
  verifyPasswordRoute,
  verifyTotpRoute,
  removePasswordRoute,
  deleteTotpRoute,
  disableMfaRoute,
  getOAuthAccessTokensRoute,
  deleteExternalAccountRoute,
];
