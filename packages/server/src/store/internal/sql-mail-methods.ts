import { ApiError } from "../../errors/api-error.js";
import type { Row } from "../database.js";
import type {
  EmailChannel,
  EmailFilter,
  EmailRecord,
  EmailStatus,
  MailStore,
} from "../mail-store.js";
import { metadataOf, stringOrNull } from "./row-values.js";
import { SqlParams } from "./sql-params.js";
import type { SqlStoreContext } from "./sql-store-context.js";

function emailFromRow(row: Row): EmailRecord {
  return {
    id: String(row.id),
    toEmailAddress: String(row.to_email_address),
    userId: stringOrNull(row.user_id),
    emailAddressId: stringOrNull(row.email_address_id),
    slug: String(row.slug),
    fromEmailName: String(row.from_email_name),
    subject: String(row.subject),
    bodyText: String(row.body_text),
    bodyHtml: String(row.body_html),
    data: metadataOf(row.data),
    status: String(row.status) as EmailStatus,
    deliveredVia: String(row.delivered_via) as EmailChannel,
    test: Boolean(row.is_test),
    error: stringOrNull(row.error),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function filterSql(filter: EmailFilter, params: SqlParams): string {
  if (filter.toEmailAddress === undefined) return "TRUE";
  return `lower(to_email_address) = lower(${params.add(filter.toEmailAddress)})`;
}

/** The email part of the SQL store. */
export function sqlMailMethods({ db, clock, ids }: SqlStoreContext): MailStore {
  return {
    async createEmail(input) {
      const now = clock.now();
      const rows = await db.query(
        `INSERT INTO emails (id, to_email_address, user_id, email_address_id, slug,
             from_email_name, subject, body_text, body_html, data, status, delivered_via, is_test,
             created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $14)
           RETURNING *`,
        [
          ids("ema"),
          input.toEmailAddress,
          input.userId ?? null,
          input.emailAddressId ?? null,
          input.slug,
          input.fromEmailName,
          input.subject,
          input.bodyText,
          input.bodyHtml,
          JSON.stringify(input.data),
          input.status,
          input.deliveredVia,
          input.test ?? false,
          now,
        ],
      );
      return emailFromRow(rows[0]!);
    },

    async getEmail(emailId) {
      const rows = await db.query("SELECT * FROM emails WHERE id = $1", [emailId]);
      return rows[0] === undefined ? null : emailFromRow(rows[0]);
    },

    async setEmailStatus(emailId, update) {
      const rows = await db.query(
        "UPDATE emails SET status = $2, error = $3, updated_at = $4 WHERE id = $1 RETURNING *",
        [emailId, update.status, update.error ?? null, clock.now()],
      );
      if (rows[0] === undefined) {
        throw new ApiError("resource_not_found", { paramName: "email_id" });
      }
      return emailFromRow(rows[0]);
    },

    async listEmails(filter, page) {
      const params = new SqlParams();
      const where = filterSql(filter, params);
      const rows = await db.query(
        `SELECT * FROM emails WHERE ${where} ORDER BY created_at DESC, seq DESC
         LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}`,
        params.values,
      );
      return rows.map(emailFromRow);
    },

    async countEmails(filter) {
      const params = new SqlParams();
      const rows = await db.query<{ total: number }>(
        `SELECT count(*) AS total FROM emails WHERE ${filterSql(filter, params)}`,
        params.values,
      );
      return Number(rows[0]?.total ?? 0);
    },

    async deleteEmailsCreatedBefore(before) {
      const rows = await db.query<{ n: number }>(
        "WITH gone AS (DELETE FROM emails WHERE created_at < $1 RETURNING 1) SELECT count(*) AS n FROM gone",
        [before],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}
