import { createClerkClient, verifyToken } from "@clerk/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SpawnedCli } from "../test/spawn-cli.js";
import { spawnCliOnTestDatabase } from "../test/spawn-cli-on-test-database.js";

/**
 * An app written against Clerk's official backend SDK, pointed at a running `latchkey start`
 * (PostgreSQL when DATABASE_URL is set, PGlite otherwise), must work unchanged.
 */
describe("@clerk/backend against a running instance", () => {
  let cli: SpawnedCli;
  let dispose: () => Promise<void>;
  let clerk: ReturnType<typeof createClerkClient>;

  beforeAll(async () => {
    ({ cli, dispose } = await spawnCliOnTestDatabase("latchkey-compat-"));
    clerk = createClerkClient({ secretKey: cli.secretKey, apiUrl: cli.url });
  }, 120_000);

  afterAll(async () => {
    await dispose?.();
  });

  it("users: create, get, list with count, metadata, update, delete", async () => {
    const user = await clerk.users.createUser({
      emailAddress: ["ada@example.com"],
      password: "an-uncommon-passphrase-42",
      firstName: "Ada",
      lastName: "Lovelace",
    });
    expect(user.id).toMatch(/^user_/);
    expect(user.primaryEmailAddress?.emailAddress).toBe("ada@example.com");
    expect((await clerk.users.getUser(user.id)).fullName).toBe("Ada Lovelace");
    const list = await clerk.users.getUserList({ emailAddress: ["ada@example.com"] });
    expect([list.totalCount, list.data[0]?.id]).toEqual([1, user.id]);
    expect(await clerk.users.getCount()).toBeGreaterThanOrEqual(1);
    const updated = await clerk.users.updateUserMetadata(user.id, {
      publicMetadata: { role: "admin" },
    });
    expect(updated.publicMetadata).toEqual({ role: "admin" });
    expect((await clerk.users.updateUser(user.id, { firstName: "Augusta" })).firstName).toBe(
      "Augusta",
    );
    expect(
      (await clerk.users.verifyPassword({ userId: user.id, password: "an-uncommon-passphrase-42" }))
        .verified,
    ).toBe(true);
    const doomed = await clerk.users.createUser({
      emailAddress: ["doomed@example.com"],
      skipPasswordRequirement: true,
    });
    const deleted = await clerk.users.deleteUser(doomed.id);
    expect(deleted.id).toBe(doomed.id);
  });

  it("backup codes: createUser and updateUser with backupCodes, backupCodeEnabled, verifyTOTP", async () => {
    const user = await clerk.users.createUser({
      emailAddress: ["hedy@example.com"],
      skipPasswordRequirement: true,
      totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DP",
      backupCodes: ["k7mq-2xwp", "r4tz-9vhn"],
    });
    expect([user.totpEnabled, user.backupCodeEnabled, user.twoFactorEnabled]).toEqual([
      true,
      true,
      true,
    ]);
    expect((await clerk.users.getUser(user.id)).backupCodeEnabled).toBe(true);
    const verified = await clerk.users.verifyTOTP({ userId: user.id, code: "K7MQ2XWP" });
    expect(verified).toEqual({ verified: true, code_type: "backup_code" });
    await expect(
      clerk.users.verifyTOTP({ userId: user.id, code: "k7mq-2xwp" }),
    ).rejects.toMatchObject({ status: 422, errors: [{ code: "form_code_incorrect" }] });
    const replaced = await clerk.users.updateUser(user.id, { backupCodes: ["n3w-c0de-aa"] });
    expect(replaced.backupCodeEnabled).toBe(true);
    await expect(
      clerk.users.verifyTOTP({ userId: user.id, code: "r4tz-9vhn" }),
    ).rejects.toMatchObject({ status: 422 });
    expect((await clerk.users.verifyTOTP({ userId: user.id, code: "n3w-c0de-aa" })).code_type).toBe(
      "backup_code",
    );
    expect((await clerk.users.getUser(user.id)).backupCodeEnabled).toBe(false);
  });

  it("email addresses: create, get, update, delete", async () => {
    const user = await clerk.users.createUser({
      emailAddress: ["bob@example.com"],
      skipPasswordRequirement: true,
    });
    const email = await clerk.emailAddresses.createEmailAddress({
      userId: user.id,
      emailAddress: "bob.alt@example.com",
      verified: true,
    });
    expect((await clerk.emailAddresses.getEmailAddress(email.id)).emailAddress).toBe(
      "bob.alt@example.com",
    );
    await clerk.emailAddresses.updateEmailAddress(email.id, { primary: true });
    expect((await clerk.users.getUser(user.id)).primaryEmailAddressId).toBe(email.id);
    const other = (await clerk.users.getUser(user.id)).emailAddresses.find(
      (e) => e.id !== email.id,
    );
    await clerk.emailAddresses.deleteEmailAddress(other!.id);
    expect((await clerk.users.getUser(user.id)).emailAddresses).toHaveLength(1);
  });

  it("sessions and tokens: create, list, token verified by @clerk/backend's verifyToken, revoke", async () => {
    const user = await clerk.users.createUser({
      emailAddress: ["carol@example.com"],
      skipPasswordRequirement: true,
    });
    const session = await clerk.sessions.createSession({ userId: user.id });
    expect(session.status).toBe("active");
    const sessions = await clerk.sessions.getSessionList({ userId: user.id });
    expect(sessions.data.map((s) => s.id)).toContain(session.id);
    const { jwt } = await clerk.sessions.getToken(session.id);
    const claims = await verifyToken(jwt, { secretKey: cli.secretKey, apiUrl: cli.url });
    expect([claims.sub, claims.sid]).toEqual([user.id, session.id]);
    expect((await clerk.sessions.revokeSession(session.id)).status).toBe("revoked");
  });

  it("sessions: latestActivity is null; the deprecated verifySession answers 410 use_verify_token", async () => {
    const user = await clerk.users.createUser({
      emailAddress: ["ida@example.com"],
      skipPasswordRequirement: true,
    });
    const session = await clerk.sessions.createSession({ userId: user.id });
    expect((await clerk.sessions.getSession(session.id)).latestActivity).toBeNull();
    const { jwt } = await clerk.sessions.getToken(session.id);
    await expect(clerk.sessions.verifySession(session.id, jwt)).rejects.toMatchObject({
      status: 410,
      errors: [{ code: "use_verify_token" }],
    });
    // What to use instead: networkless verification of the same token.
    const claims = await verifyToken(jwt, { secretKey: cli.secretKey, apiUrl: cli.url });
    expect(claims.sid).toBe(session.id);
  });

  it("JWT templates: create, list, get, update, delete, and template tokens", async () => {
    const user = await clerk.users.createUser({
      emailAddress: ["dan@example.com"],
      skipPasswordRequirement: true,
    });
    const template = await clerk.jwtTemplates.create({
      name: "compat",
      claims: { email: "{{user.primary_email_address}}" },
      lifetime: 120,
    });
    expect((await clerk.jwtTemplates.list()).data.map((t) => t.id)).toContain(template.id);
    expect((await clerk.jwtTemplates.get(template.id)).name).toBe("compat");
    await clerk.jwtTemplates.update({
      templateId: template.id,
      name: "compat",
      claims: { who: "{{user.id}}" },
    });
    const session = await clerk.sessions.createSession({ userId: user.id });
    const { jwt } = await clerk.sessions.getToken(session.id, "compat");
    const claims = await verifyToken(jwt, { secretKey: cli.secretKey, apiUrl: cli.url });
    expect(claims.who).toBe(user.id);
    await clerk.jwtTemplates.delete(template.id);
  });

  it("organizations: create, get by id and slug, memberships, invitations, delete", async () => {
    const owner = await clerk.users.createUser({
      emailAddress: ["erin@example.com"],
      skipPasswordRequirement: true,
    });
    const member = await clerk.users.createUser({
      emailAddress: ["frank@example.com"],
      skipPasswordRequirement: true,
    });
    const organization = await clerk.organizations.createOrganization({
      name: "Acme Rockets",
      slug: "acme-rockets",
      createdBy: owner.id,
    });
    expect((await clerk.organizations.getOrganization({ slug: "acme-rockets" })).id).toBe(
      organization.id,
    );
    await clerk.organizations.createOrganizationMembership({
      organizationId: organization.id,
      userId: member.id,
      role: "org:member",
    });
    const memberships = await clerk.organizations.getOrganizationMembershipList({
      organizationId: organization.id,
    });
    expect(memberships.data.map((m) => m.role).sort()).toEqual(["org:admin", "org:member"]);
    const invitation = await clerk.organizations.createOrganizationInvitation({
      organizationId: organization.id,
      emailAddress: "gina@example.com",
      role: "org:member",
      inviterUserId: owner.id,
    });
    expect(invitation.status).toBe("pending");
    await clerk.organizations.deleteOrganization(organization.id);
  });
});
