import { describe, expect, it } from "vitest";
import { expectEventsMatchSpec, loadSpec } from "../../../test/openapi-shape.js";
import { useTestInstance } from "../../../test/test-instance.js";

describe("webhook events in the outbox", () => {
  const instance = useTestInstance();

  it("cover users, sessions, organizations, memberships and invitations, shaped as clerk-webhooks.yml says", async () => {
    const user = await instance.call("POST", "/v1/users", {
      body: {
        email_address: ["events@example.com"],
        password: "a-rather-long-passphrase-7",
        first_name: "Eve",
      },
    });
    const other = await instance.call("POST", "/v1/users", {
      body: { email_address: ["member@example.com"], skip_password_requirement: true },
    });
    await instance.call("PATCH", `/v1/users/${user.body.id}`, { body: { last_name: "Nts" } });
    const session = await instance.call("POST", "/v1/sessions", {
      body: { user_id: user.body.id },
    });
    await instance.call("POST", `/v1/sessions/${session.body.id}/revoke`);
    const organization = await instance.call("POST", "/v1/organizations", {
      body: { name: "Events Inc", slug: "events-inc", created_by: user.body.id },
    });
    await instance.call("PATCH", `/v1/organizations/${organization.body.id}`, {
      body: { name: "Events Incorporated" },
    });
    await instance.call("POST", `/v1/organizations/${organization.body.id}/memberships`, {
      body: { user_id: other.body.id, role: "org:member" },
    });
    await instance.call(
      "PATCH",
      `/v1/organizations/${organization.body.id}/memberships/${other.body.id}`,
      { body: { role: "org:admin" } },
    );
    const invitation = await instance.call(
      "POST",
      `/v1/organizations/${organization.body.id}/invitations`,
      {
        body: {
          email_address: "invitee@example.com",
          role: "org:member",
          inviter_user_id: user.body.id,
        },
      },
    );
    await instance.call(
      "POST",
      `/v1/organizations/${organization.body.id}/invitations/${invitation.body.id}/revoke`,
      { body: { requesting_user_id: user.body.id } },
    );
    await instance.call(
      "DELETE",
      `/v1/organizations/${organization.body.id}/memberships/${other.body.id}`,
    );
    await instance.call("DELETE", `/v1/organizations/${organization.body.id}`);
    await instance.call("DELETE", `/v1/users/${other.body.id}`);

    const rows = await instance.db.query<{ payload: { type?: unknown } }>(
      "SELECT payload FROM webhook_outbox ORDER BY seq",
    );
    const types = new Set(rows.map((row) => String(row.payload.type)));
    for (const type of [
      "user.created",
      "user.updated",
      "user.deleted",
      "session.created",
      "session.revoked",
      "organization.created",
      "organization.updated",
      "organization.deleted",
      "organizationMembership.created",
      "organizationMembership.updated",
      "organizationMembership.deleted",
      "organizationInvitation.created",
      "organizationInvitation.revoked",
    ]) {
      expect(types, type).toContain(type);
    }
    expectEventsMatchSpec(
      loadSpec("webhooks"),
      rows.map((row) => row.payload),
    );
  });
});
