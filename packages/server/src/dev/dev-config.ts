// An app's `latchkey.dev.json`: what `latchkey dev` sets up in the instance for this app (JWT
// templates, webhook endpoints on the app, a local sign-in provider), the extra lines of its environment, and for an app on
// Clerk's own SDK where its Frontend API proxy forwards to. Optional: an app without one gets an
// instance with its keys and nothing else.
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { DevSetupError } from "./dev-setup-error.js";

/** The file `latchkey dev` reads from the app's folder unless `--config` names another. */
export const DEV_CONFIG_FILE = "latchkey.dev.json";

/** Variables the instance itself gives the app; the config cannot set them. */
const INSTANCE_VARIABLES = [
  "CLERK_SECRET_KEY",
  "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY",
  "CLERK_API_URL",
] as const;

/** Variables `frontendApiProxy` gives the app; the config's `env` cannot set them beside it. */
const PROXY_VARIABLES = ["CLERK_FAPI_URL", "NEXT_PUBLIC_CLERK_PROXY_URL"] as const;

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
const envName = z
  .string()
  .regex(ENV_NAME, "must be an environment variable name (A-Z, 0-9 and _, e.g. MY_SECRET)");

const jwtTemplateSchema = z.strictObject({
  /** The name apps ask for: `getToken({ template: name })`. */
  name: z.string().trim().min(1, "must not be empty").max(256),
  /** Claims added to the session's; `{{user.id}}`-style shortcodes are filled per token. */
  claims: z.record(z.string(), z.unknown()),
  /** Token lifetime in seconds (default 60). */
  lifetime: z.number().int().min(30).max(315_360_000).optional(),
});

const webhookSchema = z.strictObject({
  /** Where on the app events are delivered, e.g. `/api/webhooks`. */
  path: z.string().startsWith("/", 'must start with "/", e.g. "/api/webhooks"'),
  /** The variable that hands the endpoint's signing secret (`whsec_…`) to the app. */
  signingSecretEnv: envName.default("CLERK_WEBHOOK_SIGNING_SECRET"),
  /** Event types delivered (default: all). */
  eventTypes: z.array(z.string().min(1)).optional(),
  description: z.string().optional(),
});

const localProviderUserSchema = z.strictObject({
  email: z.email("must be an email address, e.g. ada@local.test"),
  firstName: z.string().default(""),
  lastName: z.string().default(""),
  /** Whether the provider vouches for the address (linking to an existing user needs it). */
  emailVerified: z.boolean().default(true),
});

const oauthSchema = z.strictObject({
  /**
   * A local OpenID Connect provider started beside the instance with these people, offered as
   * the connection `oauth_custom_local` ("Continue with <name>"): social sign-in with no account
   * anywhere.
   */
  localProvider: z
    .strictObject({
      name: z.string().trim().min(1).max(64).default("Local provider"),
      users: z.array(localProviderUserSchema).min(1, "name at least one person to sign in as"),
    })
    .optional(),
});

const devConfigSchema = z
  .strictObject({
    /** A JSON schema reference for editors; not read. */
    $schema: z.string().optional(),
    /**
     * For an app on Clerk's own `@clerk/nextjs`, which forwards the Frontend API itself
     * (`clerkMiddleware(handler, { frontendApiProxy: { enabled: true } })`) at this path of its
     * origin: the app gets `NEXT_PUBLIC_CLERK_PROXY_URL` (this path) and `CLERK_FAPI_URL` (where
     * the proxy forwards to: the instance's Frontend API).
     */
    frontendApiProxy: z
      .string()
      .regex(/^\/[^?#]*[^/?#]$/, 'must be a path on the app, e.g. "/__clerk"')
      .optional(),
    /** Social sign-in in development (see `oauthSchema`). */
    oauth: oauthSchema.optional(),
    jwtTemplates: z.array(jwtTemplateSchema).default([]),
    webhooks: z.array(webhookSchema).default([]),
    /** Extra lines of the app's environment (and of the .env.local written on the first run). */
    env: z.record(envName, z.string()).default({}),
  })
  .superRefine((config, context) => {
    const refuse = (path: PropertyKey[], message: string) =>
      context.addIssue({ code: "custom", path, message });
    /** Each value that an earlier entry of the list already has. */
    const repeats = (values: string[]) =>
      values.flatMap((value, index) => (values.indexOf(value) === index ? [] : [{ value, index }]));
    for (const { value, index } of repeats(config.jwtTemplates.map((t) => t.name))) {
      refuse(["jwtTemplates", index, "name"], `"${value}" is named a second time`);
    }
    const secrets = config.webhooks.map((webhook) => webhook.signingSecretEnv);
    for (const { value, index } of repeats(secrets)) {
      refuse(
        ["webhooks", index, "signingSecretEnv"],
        `${value} is named a second time: give each webhook its own variable`,
      );
    }
    for (const name of Object.keys(config.env)) {
      if ((INSTANCE_VARIABLES as readonly string[]).includes(name) || secrets.includes(name)) {
        refuse(["env", name], "latchkey dev sets this from the running instance; remove it here");
      } else if (
        config.frontendApiProxy !== undefined &&
        (PROXY_VARIABLES as readonly string[]).includes(name)
      ) {
        refuse(["env", name], "latchkey dev sets this from frontendApiProxy; remove it here");
      }
    }
  });

/** An app's `latchkey.dev.json`, defaults filled in. */
export type DevConfig = z.output<typeof devConfigSchema>;
/** One JWT template of a {@link DevConfig}. */
export type DevJwtTemplate = DevConfig["jwtTemplates"][number];
/** One webhook endpoint of a {@link DevConfig}. */
export type DevWebhook = DevConfig["webhooks"][number];

/** `webhooks[0].path` for the path `["webhooks", 0, "path"]`. */
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}

/**
 * Validates the parsed content of a `latchkey.dev.json`; `file` names it in messages.
 *
 * @throws DevSetupError `config-invalid` naming the first bad field (`error.field`) and what is
 *   wrong with it.
 * @example
 * parseDevConfig({ webhooks: [{ path: "/api/webhooks" }] }, "latchkey.dev.json").webhooks[0]?.signingSecretEnv;
 * // "CLERK_WEBHOOK_SIGNING_SECRET"
 */
export function parseDevConfig(value: unknown, file: string = DEV_CONFIG_FILE): DevConfig {
  const result = devConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys : [];
  const field = fieldName([...issue.path, ...unknownKeys.slice(0, 1)]) || "(the whole file)";
  const problem =
    unknownKeys.length > 0
      ? `not a field here (known: ${knownFields(issue.path).join(", ")})`
      : issue.message;
  throw new DevSetupError("config-invalid", `${file}: ${field}: ${problem}.`, {
    field,
    cause: result.error,
  });
}

/** The fields allowed at a path of the config, for the unknown-field message. */
function knownFields(path: readonly PropertyKey[]): string[] {
  const where = path.find((part) => typeof part === "string");
  if (where === "jwtTemplates") return Object.keys(jwtTemplateSchema.shape);
  if (where === "webhooks") return Object.keys(webhookSchema.shape);
  if (where === "oauth")
    return path.length > 2 ? Object.keys(localProviderUserSchema.shape) : ["localProvider"];
  return ["frontendApiProxy", "oauth", "jwtTemplates", "webhooks", "env"];
}

/**
 * Reads and validates an app's dev config. A missing file is an empty config unless it was
 * asked for (`required`).
 *
 * @throws DevSetupError `config-unreadable` when the file cannot be read, is missing though
 *   required, or is not JSON; `config-invalid` (see {@link parseDevConfig}).
 * @example
 * const config = loadDevConfig(join(appDir, DEV_CONFIG_FILE));
 */
export function loadDevConfig(path: string, options: { required?: boolean } = {}): DevConfig {
  if (!existsSync(path)) {
    if (options.required) {
      throw new DevSetupError("config-unreadable", `${path} does not exist.`);
    }
    return parseDevConfig({}, path);
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new DevSetupError("config-unreadable", `${path} cannot be read.`, { cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DevSetupError("config-unreadable", `${path} is not valid JSON: ${reason}`, {
      cause,
    });
  }
  return parseDevConfig(value, path);
}
