import { describe, expect, it } from "vitest";
import { z } from "zod";
import { skipWhen } from "../../../../../test/skip-when.js";
import { bapi, type SampleMode, specSample } from "../bapi-spec.test-helpers.js";
import { camelizeKeys } from "../internal/camelize-keys.js";
import { clientSchema } from "./client.js";
import { deletedObjectSchema } from "./deleted-object.js";
import { emailAddressSchema } from "./email-address.js";
import { invitationSchema } from "./invitation.js";
import { jwksSchema } from "./jwks.js";
import { jwtTemplateSchema } from "./jwt-template.js";
import { oauthAccessTokenSchema } from "./oauth-access-token.js";
import { organizationSchema } from "./organization.js";
import { organizationInvitationSchema } from "./organization-invitation.js";
import { organizationMembershipSchema } from "./organization-membership.js";
import { phoneNumberSchema } from "./phone-number.js";
import { sessionSchema } from "./session.js";
import { userSchema } from "./user.js";

const pairs: [string, z.ZodType][] = [
  ["User", userSchema],
  ["EmailAddress", emailAddressSchema],
  ["PhoneNumber", phoneNumberSchema],
  ["Session", sessionSchema],
  ["Client", clientSchema],
  ["JWTTemplate", jwtTemplateSchema],
  ["Invitation", invitationSchema],
  ["Organization", organizationSchema],
  ["OrganizationMembership", organizationMembershipSchema],
  ["OrganizationInvitation", organizationInvitationSchema],
  ["OAuthAccessToken", z.array(oauthAccessTokenSchema)],
  ["DeletedObject", deletedObjectSchema],
  ["JWKS", jwksSchema],
];

describe("resource schemas accept what clerk-bapi.yml allows", skipWhen(bapi.skipReason), () => {
  for (const [name, schema] of pairs) {
    for (const mode of ["required", "full"] as SampleMode[]) {
      it(`${name} (${mode})`, () => {
        const result = schema.safeParse(camelizeKeys(specSample(name, mode)));
        expect(result.success ? [] : result.error.issues).toEqual([]);
      });
    }
  }
});
