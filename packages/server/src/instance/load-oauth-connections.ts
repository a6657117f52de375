// A file of social connections for `latchkey start --oauth-file`: the same providers as
// `--oauth` specs, as JSON, with secrets given directly or named as environment variables (so
// the file itself can be kept in the repository).
import { readFileSync } from "node:fs";
import { z } from "zod";
import {
  customOidcConnection,
  githubConnection,
  googleConnection,
  microsoftConnection,
  type OAuthConnection,
} from "../oauth/oauth-connection.js";

const connectionSchema = z
  .strictObject({
    /** `google`, `github`, `microsoft`, or `custom_<name>` (any OpenID Connect provider). */
    provider: z.string().regex(/^(google|github|microsoft|custom_[a-z0-9_]{1,32})$/, {
      message: "must be google, github, microsoft or custom_<name> (a-z, 0-9, _)",
    }),
    clientId: z.string().min(1),
    /** The client secret itself… */
    clientSecret: z.string().min(1).optional(),
    /** …or the environment variable that holds it. */
    clientSecretEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/)
      .optional(),
    /** Replaces the provider's default scopes. */
    scopes: z.array(z.string().min(1)).optional(),
    /** `custom_<name>` only: the issuer URL (discovery at `<issuer>/.well-known/openid-configuration`). */
    issuer: z.url().optional(),
    /** Shown on the button ("Continue with <name>"); default the provider's name. */
    name: z.string().trim().min(1).max(64).optional(),
  })
  .refine((c) => (c.clientSecret === undefined) !== (c.clientSecretEnv === undefined), {
    message: "give clientSecret or clientSecretEnv (one of them)",
  })
  .refine((c) => c.provider.startsWith("custom_") === (c.issuer !== undefined), {
    message: "issuer is required for custom_<name> providers, and only for them",
  });

const fileSchema = z.strictObject({ connections: z.array(connectionSchema).min(1) });

/**
 * Reads an OAuth connections file (`{ "connections": [{ "provider": "google", "clientId": "…",
 * "clientSecretEnv": "GOOGLE_CLIENT_SECRET" }] }`), taking secrets named by `clientSecretEnv`
 * from `env`.
 *
 * @throws Error naming the file and the bad field (never a secret's value), or a variable that
 *   is not set
 * @example
 * const connections = loadOAuthConnections("latchkey.oauth.json", process.env);
 */
export function loadOAuthConnections(
  file: string,
  env: Record<string, string | undefined>,
): OAuthConnection[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (cause) {
    throw new Error(`${file}: not a readable JSON file.`, { cause });
  }
  const result = fileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.map(String).join(".") || "(the whole file)";
    throw new Error(`${file}: ${field}: ${issue?.message ?? "invalid"}.`);
  }
  return result.data.connections.map((entry, index) => {
    const clientSecret =
      entry.clientSecret ?? (entry.clientSecretEnv ? env[entry.clientSecretEnv] : undefined);
    if (!clientSecret) {
      throw new Error(
        `${file}: connections.${index}.clientSecretEnv: ${entry.clientSecretEnv} is not set.`,
      );
    }
    const credentials = {
      clientId: entry.clientId,
      clientSecret,
      ...(entry.scopes ? { scopes: entry.scopes } : {}),
    };
    const connection =
      entry.provider === "google"
        ? googleConnection(credentials)
        : entry.provider === "github"
          ? githubConnection(credentials)
          : entry.provider === "microsoft"
            ? microsoftConnection(credentials)
            : customOidcConnection(entry.provider.slice("custom_".length), {
                ...credentials,
                issuer: entry.issuer ?? "",
              });
    return entry.name ? { ...connection, name: entry.name } : connection;
  });
}
