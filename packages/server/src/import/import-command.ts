import { parseArgs } from "node:util";
import {
  STORAGE_FLAG_OPTIONS,
  STORAGE_FLAGS_USAGE,
  storageFromFlags,
} from "../instance/storage-flags.js";
import { runClerkImport } from "./run-clerk-import.js";

/** Help of `latchkey import`. */
export const IMPORT_USAGE = `Usage: latchkey import clerk [--csv <file>] [--json <file>] [--from-api] [options]

Moves users off Clerk's cloud into this instance's database, ids, password digests and TOTP
secrets kept. Safe to run again: users are matched by id (unchanged ones are left alone, changed
ones updated, ones who signed in here since kept as they are). Prints created / updated /
unchanged / kept / refused counts and each refused row (line, column, code); exits with 1 when a
row was refused.

Options:
  --csv <file>           Clerk's Dashboard user export (CSV with password_digest, totp_secret)
  --json <file>          Clerk's CLI / Backend API export (JSON array of User objects: metadata,
                         external_id, banned, locked, legal_accepted_at, created_at), merged by id
  --from-api             Read the Clerk instance's users (instead of a JSON export),
                         organizations, memberships, invitations and JWT templates from its
                         Backend API (paged; waits as a 429's Retry-After says), ids kept. No
                         digests there: combine with --csv for passwords and TOTP
  --secret-key <sk>      The Clerk instance's secret key, for --from-api (env
                         CLERK_IMPORT_SECRET_KEY, kept out of shell history)
  --api-url <url>        Clerk's Backend API (default https://api.clerk.com)
  --resume-dir <dir>     With --from-api: pages already read are kept here (0700; they hold
                         private metadata) until the import finishes, so a run that was cut
                         short resumes its read (default .latchkey/clerk-import-pages)
${STORAGE_FLAGS_USAGE}
  --emit-events          Deliver user.created / user.updated webhooks for what is written
                         (default: none)
  --public-url <url>     Public origin of the instance, for URLs in event data
  -h, --help             Show this help`;

/**
 * `latchkey import clerk …`: reads the flags and runs {@link runClerkImport}; the exit code is 1
 * when any row was refused.
 *
 * @throws Error for an unknown source or flags that do not go together
 */
export async function importCommand(args: string[]): Promise<void> {
  const [source, ...rest] = args;
  if (source === undefined || source === "--help" || source === "-h") {
    console.log(IMPORT_USAGE);
    return;
  }
  if (source !== "clerk") {
    throw new Error(`Unknown import source "${source}". Run: latchkey import clerk --help`);
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      csv: { type: "string" },
      json: { type: "string" },
      "from-api": { type: "boolean" },
      "secret-key": { type: "string" },
      "api-url": { type: "string" },
      "resume-dir": { type: "string" },
      ...STORAGE_FLAG_OPTIONS,
      "emit-events": { type: "boolean" },
      "public-url": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(IMPORT_USAGE);
    return;
  }
  if (!values.csv && !values.json && !values["from-api"]) {
    throw new Error("Give Clerk's Dashboard export with --csv <file> (and --json or --from-api).");
  }
  if (values.json && values["from-api"]) {
    throw new Error("Give either --json <file> or --from-api, not both.");
  }
  const secretKey = values["secret-key"] ?? process.env.CLERK_IMPORT_SECRET_KEY;
  if (values["from-api"] && !secretKey) {
    throw new Error(
      "--from-api needs the Clerk instance's secret key: --secret-key sk_… (or CLERK_IMPORT_SECRET_KEY).",
    );
  }
  const storage = storageFromFlags(values, process.env.DATABASE_URL);
  const report = await runClerkImport({
    ...(values.csv ? { csvFile: values.csv } : {}),
    ...(values["from-api"] && secretKey
      ? {
          fromApi: {
            secretKey,
            resumeDir: values["resume-dir"] ?? ".latchkey/clerk-import-pages",
            ...(values["api-url"] ? { apiUrl: values["api-url"] } : {}),
          },
        }
      : {}),
    ...(values.json ? { jsonFile: values.json } : {}),
    ...storage,
    ...(values["public-url"] ? { publicUrl: values["public-url"] } : {}),
    emitEvents: values["emit-events"] ?? false,
  });
  const resourcesRefused = report.resources
    ? Object.values(report.resources).some((counts) => counts.refused.length > 0)
    : false;
  if (report.refused.length > 0 || resourcesRefused) process.exitCode = 1;
}
