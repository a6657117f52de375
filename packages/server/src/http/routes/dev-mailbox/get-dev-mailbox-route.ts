import { z } from "zod";
import { ApiError } from "../../../errors/api-error.js";
import { defineRoute } from "../../define-route.js";
import { jsonResponse } from "../../json-response.js";
import { queryInteger, queryText } from "../../query-params.js";
import { otpCode, renderMailboxHtml } from "./render-mailbox-html.js";

const DEFAULT_LIMIT = 50;

const NO_STORE = { "Cache-Control": "no-store" };

/** JSON is asked for with `?format=json` or an `Accept` header naming `application/json`. */
function wantsJson(format: "json" | "html" | undefined, accept: string | null): boolean {
  if (format !== undefined) return format === "json";
  return (accept ?? "").toLowerCase().includes("application/json");
}

/**
 * `GET /__dev/mailbox`: the emails the instance sent, newest first, as an HTML page or as JSON
 * (`{ data: [{ id, to_email_address, subject, body_plain, otp_code, created_at }], total_count }`)
 * — end-to-end tests read verification codes here. `?to=` keeps one recipient (exact address,
 * case-insensitive); `limit` (default 50, max 500) and `offset` page. Public, and served only when
 * `settings.developmentMode` is on: a production instance answers 404 like any unknown route.
 *
 * @throws `resource_not_found` outside development mode
 */
export const getDevMailboxRoute = defineRoute({
  method: "GET",
  path: "/__dev/mailbox",
  auth: "public",
  query: z.object({
    to: queryText(),
    format: queryText().pipe(z.enum(["json", "html"]).optional()),
    limit: queryInteger({ min: 1, max: 500 }),
    offset: queryInteger({ min: 0 }),
  }),
  handler: async ({ query, request, settings, store }) => {
    if (!settings.developmentMode) throw new ApiError("resource_not_found");
    const filter = query.to === undefined ? {} : { toEmailAddress: query.to };
    const page = { limit: query.limit ?? DEFAULT_LIMIT, offset: query.offset ?? 0 };
    const [emails, total] = await Promise.all([
      store.listEmails(filter, page),
      store.countEmails(filter),
    ]);
    if (wantsJson(query.format, request.headers.get("accept"))) {
      const data = emails.map((email) => ({
        id: email.id,
        to_email_address: email.toEmailAddress,
        subject: email.subject,
        body_plain: email.bodyText,
        otp_code: otpCode(email),
        created_at: email.createdAt,
      }));
      return jsonResponse({ data, total_count: total }, 200, NO_STORE);
    }
    return new Response(renderMailboxHtml(emails, { total, to: query.to }), {
      headers: {
        ...NO_STORE,
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy":
          "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      },
    });
  },
});
