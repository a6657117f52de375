// Starts an instance ready for one app in development: the app's origin may call the Frontend
// API, and what its latchkey.dev.json asks for (JWT templates, webhook endpoints on the app, a
// local sign-in provider) exists. Used by `latchkey dev` and by end-to-end test set-ups that start the app themselves.

import { ensureWebhookEndpoint } from "../flows/webhook-endpoints/create-webhook-endpoint.js";
import {
  type RunningInstance,
  type StartInstanceOptions,
  startInstance,
} from "../start-instance.js";
import type { DevConfig, DevJwtTemplate } from "./dev-config.js";
import { DevSetupError } from "./dev-setup-error.js";
import { startLocalSignInProvider } from "./start-local-sign-in-provider.js";

/** Options of {@link startDevInstance}. */
export interface DevInstanceOptions
  extends Pick<
    StartInstanceOptions,
    "port" | "dataDir" | "databaseUrl" | "schema" | "settings" | "logger" | "env"
  > {
  /** The app's origin, e.g. `http://localhost:3000`. */
  appUrl: string;
  /** The app's `latchkey.dev.json` ({@link loadDevConfig}). */
  config: DevConfig;
  /**
   * The app's kept environment (its `.env.local`): its `CLERK_SECRET_KEY` and webhook signing
   * secrets are reused, so the file stays valid after the instance's data is wiped.
   */
  keptEnv?: Record<string, string>;
}

/** A started instance and the environment the app needs to use it. */
export interface DevInstance {
  instance: RunningInstance;
  /**
   * `CLERK_SECRET_KEY`, `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY`, `CLERK_API_URL`, with the config's
   * `frontendApiProxy` also `CLERK_FAPI_URL` and `NEXT_PUBLIC_CLERK_PROXY_URL`, each webhook's
   * signing secret under its `signingSecretEnv`, and the config's `env`.
   */
  env: Record<string, string>;
}

function errorCodes(body: unknown): string {
  const errors = (body as { errors?: { code?: string }[] } | null)?.errors ?? [];
  return errors.map((error) => error.code ?? "unknown").join(", ") || "no error code";
}

/** Creates the template through the instance's own Backend API, as an admin script would. */
async function ensureJwtTemplate(
  instance: RunningInstance,
  template: DevJwtTemplate,
): Promise<void> {
  if (await instance.store.getJwtTemplateByName(template.name)) return;
  const response = await instance.handler(
    new Request(new URL("/v1/jwt_templates", instance.publicUrl), {
      method: "POST",
      headers: {
        Authorization: `Bearer ${instance.secretKey}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify(template),
    }),
  );
  if (response.status !== 200) {
    const body: unknown = await response.json().catch(() => null);
    throw new DevSetupError(
      "jwt-template-refused",
      `The instance refused the JWT template "${template.name}" of the app's latchkey.dev.json (${errorCodes(body)}).`,
      { field: "jwtTemplates" },
    );
  }
}

/**
 * Starts the instance and prepares it for the app. Safe to run at every start: templates and
 * webhook endpoints are created only when missing (an endpoint by its URL).
 *
 * @throws InstanceConfigError when the kept secret key is malformed
 * @throws DevSetupError `jwt-template-refused` when the Backend API refuses a template
 * @example
 * const config = loadDevConfig("latchkey.dev.json");
 * const { instance, env } = await startDevInstance({ port: 4100, appUrl: "http://localhost:3000", config });
 */
export async function startDevInstance(options: DevInstanceOptions): Promise<DevInstance> {
  const { appUrl, config, keptEnv = {}, ...startOptions } = options;
  const local =
    config.oauth?.localProvider === undefined
      ? null
      : await startLocalSignInProvider(config.oauth.localProvider, appUrl, config.frontendApiProxy);
  let instance: RunningInstance;
  try {
    instance = await startInstance({
      ...startOptions,
      allowedOrigins: [appUrl],
      ...(keptEnv.CLERK_SECRET_KEY ? { secretKey: keptEnv.CLERK_SECRET_KEY } : {}),
      ...(local === null ? {} : { oauth: local.oauth }),
    });
  } catch (error) {
    await local?.provider.close();
    throw error;
  }
  if (local !== null) {
    const closeInstance = instance.close.bind(instance);
    instance.close = async () => {
      await closeInstance();
      await local.provider.close();
    };
  }
  try {
    for (const template of config.jwtTemplates) await ensureJwtTemplate(instance, template);
    const secrets: Record<string, string> = {};
    for (const webhook of config.webhooks) {
      const kept = keptEnv[webhook.signingSecretEnv];
      const endpoint = await ensureWebhookEndpoint(instance.store, {
        url: new URL(webhook.path, appUrl).toString(),
        ...(kept ? { secret: kept } : {}),
        ...(webhook.eventTypes ? { eventTypes: webhook.eventTypes } : {}),
        description: webhook.description ?? `latchkey dev: ${webhook.path}`,
      });
      secrets[webhook.signingSecretEnv] = endpoint.secret;
    }
    const env = {
      CLERK_SECRET_KEY: instance.secretKey,
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: instance.publishableKey,
      CLERK_API_URL: instance.publicUrl,
      ...(config.frontendApiProxy
        ? {
            // Clerk's `frontendApiProxy` forwards `<app><path>/*` here.
            CLERK_FAPI_URL: instance.frontendApiUrl,
            NEXT_PUBLIC_CLERK_PROXY_URL: config.frontendApiProxy,
          }
        : {}),
      ...secrets,
      ...config.env,
    };
    return { instance, env };
  } catch (error) {
    await instance.close();
    throw error;
  }
}
