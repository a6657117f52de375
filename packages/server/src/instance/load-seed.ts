import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { FetchHandler } from "../http/fetch-handler.js";

/**
 * A seed file: users as `POST /v1/users` bodies and organizations as `POST /v1/organizations`
 * bodies, each with memberships naming a seeded user by email address.
 */
const seedSchema = z.strictObject({
  users: z.array(z.record(z.string(), z.unknown())).default([]),
  organizations: z
    .array(
      z
        .looseObject({
          memberships: z
            .array(z.strictObject({ email_address: z.string(), role: z.string() }))
            .default([]),
        })
        .transform(({ memberships, ...organization }) => ({ memberships, organization })),
    )
    .default([]),
});

/** What loading a seed did. */
export interface SeedReport {
  usersCreated: number;
  usersSkipped: number;
  organizationsCreated: number;
  organizationsSkipped: number;
  membershipsCreated: number;
}

/** Thrown when a seed file cannot be read or a seeded record is refused for another reason. */
export class SeedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SeedError";
  }
}

type Call = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: unknown }>;

/** The `id` of an answered object, or of the first element of an answered list. */
function idOf(body: unknown): string | undefined {
  const value = Array.isArray(body) ? body[0] : body;
  const id = (value as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : undefined;
}

function errorCodes(body: unknown): string[] {
  const errors = (body as { errors?: { code?: string }[] } | undefined)?.errors ?? [];
  return errors.map((error) => error.code ?? "unknown");
}

/**
 * Loads users and organizations from a JSON seed file through the instance's own Backend API, so
 * seeds get the same validation, password hashing and webhook events as API calls. Records that
 * already exist (same email, username, external id or slug) are skipped, so a seed can be loaded
 * at every start.
 *
 * @throws SeedError when the file is unreadable or malformed, or a record is refused for another reason
 * @example
 * await loadSeed(handler, { secretKey, baseUrl: "http://localhost:4100", file: "seed.json" });
 */
export async function loadSeed(
  handler: FetchHandler,
  options: { secretKey: string; baseUrl: string; file: string },
): Promise<SeedReport> {
  let seed: z.infer<typeof seedSchema>;
  try {
    seed = seedSchema.parse(JSON.parse(await readFile(options.file, "utf8")));
  } catch (cause) {
    throw new SeedError(`The seed file ${options.file} is not valid seed JSON.`, { cause });
  }
  const call: Call = async (method, path, body) => {
    const response = await handler(
      new Request(new URL(path, options.baseUrl), {
        method,
        headers: {
          Authorization: `Bearer ${options.secretKey}`,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    return { status: response.status, body: await response.json() };
  };
  const report: SeedReport = {
    usersCreated: 0,
    usersSkipped: 0,
    organizationsCreated: 0,
    organizationsSkipped: 0,
    membershipsCreated: 0,
  };

  for (const user of seed.users) {
    const answer = await call("POST", "/v1/users", user);
    if (answer.status === 200) report.usersCreated++;
    else if (errorCodes(answer.body).includes("form_identifier_exists")) report.usersSkipped++;
    else throw new SeedError(`A seeded user was refused: ${errorCodes(answer.body).join(", ")}.`);
  }

  const userIdByEmail = async (email: string): Promise<string> => {
    const answer = await call("GET", `/v1/users?email_address=${encodeURIComponent(email)}`);
    const id = Array.isArray(answer.body) ? idOf(answer.body) : undefined;
    if (id === undefined) throw new SeedError(`No seeded user has the email ${email}.`);
    return id;
  };

  for (const { organization, memberships } of seed.organizations) {
    const body = { ...organization };
    if (typeof body.created_by === "string" && body.created_by.includes("@")) {
      body.created_by = await userIdByEmail(body.created_by);
    }
    const answer = await call("POST", "/v1/organizations", body);
    let organizationId: string | undefined;
    if (answer.status === 200) {
      report.organizationsCreated++;
      organizationId = idOf(answer.body);
    } else if (typeof body.slug === "string" && answer.status === 422) {
      const existing = await call("GET", `/v1/organizations/${encodeURIComponent(body.slug)}`);
      if (existing.status !== 200) {
        throw new SeedError(
          `A seeded organization was refused: ${errorCodes(answer.body).join(", ")}.`,
        );
      }
      report.organizationsSkipped++;
      organizationId = idOf(existing.body);
    } else {
      throw new SeedError(
        `A seeded organization was refused: ${errorCodes(answer.body).join(", ")}.`,
      );
    }
    if (organizationId === undefined) throw new SeedError("An organization answer had no id.");
    for (const membership of memberships) {
      const userId = await userIdByEmail(membership.email_address);
      const created = await call("POST", `/v1/organizations/${organizationId}/memberships`, {
        user_id: userId,
        role: membership.role,
      });
      if (created.status === 200) report.membershipsCreated++;
      else if (created.status !== 422 && created.status !== 400) {
        throw new SeedError(
          `A seeded membership was refused: ${errorCodes(created.body).join(", ")}.`,
        );
      }
    }
  }
  return report;
}
