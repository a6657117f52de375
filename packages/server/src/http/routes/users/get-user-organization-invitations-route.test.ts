import { describe, expect, it } from "vitest";
import { expectResponseMatchesSpec, loadSpec } from "../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../test/test-instance.js";
import { createOrganizationInvitation } from "../../../flows/invitations/create-organization-invitation.js";
import { revokeOrganizationInvitation } from "../../../flows/invitations/revoke-organization-invitation.js";
import { createOrganization } from "../../../flows/organizations/create-organization.js";

const bapi = loadSpec("bapi");

const instance = useTestInstance();

describe("GET /v1/users/{user_id}/organization_invitations", () => {
  it("lists invitations to the user's addresses, with public organization data", async () => {
    const bob = await instance.store.createUser({
      emailAddresses: [{ emailAddress: "bob@example.com", status: "verified" }],
    });
    const org = (await createOrganization(instance.store, { name: "Inviters" })).organization;
    const other = (await createOrganization(instance.store, { name: "Others" })).organization;
    const invitation = (
      await createOrganizationInvitation(instance.store, org.id, {
        emailAddress: "BOB@example.com",
        role: "org:member",
      })
    ).invitation;
    const revoked = (
      await createOrganizationInvitation(instance.store, other.id, {
        emailAddress: "bob@example.com",
        role: "org:admin",
      })
    ).invitation;
    (await revokeOrganizationInvitation(instance.store, other.id, revoked.id)).invitation;

    const answer = await instance.call("GET", `/v1/users/${bob.id}/organization_invitations`);
    expect(answer.status).toBe(200);
    expect(answer.body.total_count).toBe(2);
    expectResponseMatchesSpec(
      bapi,
      "get",
      "/users/{user_id}/organization_invitations",
      200,
      answer.body,
    );

    const pending = await instance.call(
      "GET",
      `/v1/users/${bob.id}/organization_invitations?status=pending`,
    );
    expect(pending.body.total_count).toBe(1);
    expect(pending.body.data[0]).toMatchObject({
      id: invitation.id,
      status: "pending",
      public_organization_data: {
        id: org.id,
        name: "Inviters",
        slug: org.slug,
        has_image: false,
      },
    });
  });

  it("answers 404 for an unknown user and 422 for a bad status", async () => {
    const missing = await instance.call("GET", "/v1/users/user_missing/organization_invitations");
    expect(missing.status).toBe(404);
    const bad = await instance.call(
      "GET",
      "/v1/users/user_missing/organization_invitations?status=x",
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].meta.param_name).toBe("status");
  });
});
