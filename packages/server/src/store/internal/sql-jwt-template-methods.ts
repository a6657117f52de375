import { ApiError } from "../../errors/api-error.js";
import type { Row } from "../database.js";
import type {
  JwtTemplateRecord,
  JwtTemplateSettings,
  JwtTemplateStore,
} from "../jwt-template-store.js";
import { metadataOf } from "./row-values.js";
import type { SqlStoreContext } from "./sql-store-context.js";
import { identifierExists } from "./unique-violation.js";

function templateFromRow(row: Row): JwtTemplateRecord {
  return {
    id: String(row.id),
    name: String(row.name),
    claims: metadataOf(row.claims),
    lifetime: Number(row.lifetime),
    allowedClockSkew: Number(row.allowed_clock_skew),
    customSigningKey: Boolean(row.custom_signing_key),
    signingAlgorithm: String(row.signing_algorithm),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

/**
 * A template's settings as the parameters of the columns `name, claims, lifetime,
 * allowed_clock_skew, custom_signing_key, signing_algorithm`, in that order.
 */
function settingsParams(input: JwtTemplateSettings): unknown[] {
  return [
    input.name,
    JSON.stringify(input.claims),
    input.lifetime,
    input.allowedClockSkew,
    input.customSigningKey,
    input.signingAlgorithm,
  ];
}

/** Turns a unique violation on the template name into `form_identifier_exists` (`name`). */
function translateNameTaken(error: unknown): unknown {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  if (code === "23505" && constraint === "jwt_templates_name_key") {
    return identifierExists("name", "template name", { code, constraint });
  }
  return error;
}

async function nameGuard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw translateNameTaken(error);
  }
}

/** The JWT-template part of the SQL store. */
export function sqlJwtTemplateMethods({ db, clock, ids }: SqlStoreContext): JwtTemplateStore {
  return {
    createJwtTemplate: (input) =>
      nameGuard(async () => {
        const now = clock.now();
        const rows = await db.query(
          `INSERT INTO jwt_templates (id, name, claims, lifetime, allowed_clock_skew,
             custom_signing_key, signing_algorithm, signing_key, created_at, updated_at)
           VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $9) RETURNING *`,
          [
            ids("jtmp"),
            ...settingsParams(input),
            input.customSigningKey ? (input.signingKey ?? null) : null,
            now,
          ],
        );
        return templateFromRow(rows[0]!);
      }),

    async getJwtTemplate(templateId) {
      const rows = await db.query("SELECT * FROM jwt_templates WHERE id = $1", [templateId]);
      return rows[0] === undefined ? null : templateFromRow(rows[0]);
    },

    async getJwtTemplateByName(name) {
      const rows = await db.query("SELECT * FROM jwt_templates WHERE name = $1", [name]);
      return rows[0] === undefined ? null : templateFromRow(rows[0]);
    },

    async listJwtTemplates(page) {
      const rows = await db.query(
        "SELECT * FROM jwt_templates ORDER BY created_at, seq LIMIT $1 OFFSET $2",
        [page.limit, page.offset],
      );
      return rows.map(templateFromRow);
    },

    async countJwtTemplates() {
      const rows = await db.query<{ total: number }>("SELECT count(*) AS total FROM jwt_templates");
      return Number(rows[0]?.total ?? 0);
    },

    updateJwtTemplate: (templateId, input) =>
      nameGuard(async () => {
        // `signing_key`: replaced when given, kept when undefined, cleared without a custom key.
        const rows = await db.query(
          `UPDATE jwt_templates SET name = $2, claims = $3::jsonb, lifetime = $4,
             allowed_clock_skew = $5, custom_signing_key = $6, signing_algorithm = $7,
             signing_key = CASE WHEN NOT $6 THEN NULL WHEN $8::boolean THEN $9 ELSE signing_key END,
             updated_at = $10
           WHERE id = $1 RETURNING *`,
          [
            templateId,
            ...settingsParams(input),
            input.signingKey !== undefined,
            input.signingKey ?? null,
            clock.now(),
          ],
        );
        if (rows[0] === undefined) {
          throw new ApiError("resource_not_found", { paramName: "template_id" });
        }
        return templateFromRow(rows[0]);
      }),

    async deleteJwtTemplate(templateId) {
      const rows = await db.query("DELETE FROM jwt_templates WHERE id = $1 RETURNING id", [
        templateId,
      ]);
      return rows.length > 0;
    },

    async getJwtTemplateSigningKey(templateId) {
      const rows = await db.query<{ signing_key: string | null }>(
        "SELECT signing_key FROM jwt_templates WHERE id = $1",
        [templateId],
      );
      return rows[0]?.signing_key ?? null;
    },
  };
}
