import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_SECRET_KEY, useTestInstance } from "../../test/test-instance.js";
import { loadSeed, SeedError } from "./load-seed.js";

describe("loadSeed", () => {
  const instance = useTestInstance();
  let dir: string;
  const seedFile = () => join(dir, "seed.json");
  const load = (file = seedFile()) =>
    loadSeed(instance.handler, { secretKey: TEST_SECRET_KEY, baseUrl: instance.baseUrl, file });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "latchkey-seed-"));
    await writeFile(
      seedFile(),
      JSON.stringify({
        users: [
          {
            email_address: ["ada@example.com"],
            password: "an-uncommon-passphrase-9",
            first_name: "Ada",
          },
          { email_address: ["bob@example.com"], skip_password_requirement: true },
        ],
        organizations: [
          {
            name: "Acme",
            slug: "acme",
            created_by: "ada@example.com",
            memberships: [{ email_address: "bob@example.com", role: "org:member" }],
          },
        ],
      }),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("creates users, organizations and memberships through the Backend API", async () => {
    expect(await load()).toEqual({
      usersCreated: 2,
      usersSkipped: 0,
      organizationsCreated: 1,
      organizationsSkipped: 0,
      membershipsCreated: 1,
    });
    const organization = await instance.call("GET", "/v1/organizations/acme");
    const memberships = await instance.call(
      "GET",
      `/v1/organizations/${organization.body.id}/memberships`,
    );
    expect(memberships.body.data.map((m: { role: string }) => m.role).sort()).toEqual([
      "org:admin",
      "org:member",
    ]);
    const verified = await instance.call(
      "POST",
      `/v1/users/${organization.body.created_by}/verify_password`,
      { body: { password: "an-uncommon-passphrase-9" } },
    );
    expect(verified.body.verified).toBe(true);
  });

  it("skips what already exists, so a seed can be loaded at every start", async () => {
    const again = await load();
    expect([again.usersCreated, again.usersSkipped, again.organizationsCreated]).toEqual([0, 2, 0]);
    expect((await instance.call("GET", "/v1/users/count")).body.total_count).toBe(2);
  });

  it("refuses a malformed seed file with a SeedError and creates nothing", async () => {
    const bad = join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ users: "not a list" }));
    await expect(load(bad)).rejects.toBeInstanceOf(SeedError);
    await writeFile(bad, JSON.stringify({ users: [{ email_address: ["not-an-email"] }] }));
    await expect(load(bad)).rejects.toBeInstanceOf(SeedError);
    expect((await instance.call("GET", "/v1/users/count")).body.total_count).toBe(2);
  });
});
