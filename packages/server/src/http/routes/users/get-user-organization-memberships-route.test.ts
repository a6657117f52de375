import { describe, expect, it } from "vitest";
import { expectResponseMatchesSpec, loadSpec } from "../../../../test/openapi-shape.js";
import { useTestInstance } from "../../../../test/test-instance.js";
import { createOrganization } from "../../../flows/organizations/create-organization.js";
import { createOrganizationMembership } from "../../../flows/organizations/create-organization-membership.js";

const bapi = loadSpec("bapi");

const instance = useTestInstance();

describe("GET /v1/users/{user_id}/organization_memberships", () => {
  it("lists the user's memberships, newest first", async () => {
    const ada = await instance.store.createUser({
      emailAddresses: [{ emailAddress: "ada@example.com", status: "verified" }],
    });
    const one = (await createOrganization(instance.store, { name: "One", createdBy: ada.id }))
      .organization;
    instance.clock.advance(1000);
    const two = (await createOrganization(instance.store, { name: "Two" })).organization;
    (
      await createOrganizationMembership(instance.store, two.id, {
        userId: ada.id,
        role: "org:member",
      })
    ).membership;
    (await createOrganization(instance.store, { name: "Three" })).organization;

    const answer = await instance.call("GET", `/v1/users/${ada.id}/organization_memberships`);
    expect(answer.status).toBe(200);
    expect(answer.body.total_count).toBe(2);
    expect(
      answer.body.data.map((m: { organization: { id: string } }) => m.organization.id),
    ).toEqual([two.id, one.id]);
    expect(answer.body.data[1]).toMatchObject({
      role: "org:admin",
      public_user_data: { user_id: ada.id },
    });
    expectResponseMatchesSpec(
      bapi,
      "get",
      "/users/{user_id}/organization_memberships",
      200,
      answer.body,
    );

    const paged = await instance.call(
      "GET",
      `/v1/users/${ada.id}/organization_memberships?limit=1&offset=1`,
    );
    expect(paged.body.data.map((m: { organization: { id: string } }) => m.organization.id)).toEqual(
      [one.id],
    );
    expect(paged.body.total_count).toBe(2);
  });

  it("answers 404 for an unknown user and 422 for a bad limit", async () => {
    const missing = await instance.call("GET", "/v1/users/user_missing/organization_memberships");
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0].code).toBe("resource_not_found");
    const bad = await instance.call(
      "GET",
      "/v1/users/user_missing/organization_memberships?limit=0",
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].meta.param_name).toBe("limit");
  });
});
