// Starts a Latchkey instance ready for the demo: the `demo-backend` JWT template and the webhook
// endpoint that feeds `/synced-users` exist, and the app's origin may call the Frontend API.
// Used by `pnpm dev` (scripts/dev.ts) and by the end-to-end tests (e2e/global-setup.ts).
import { createClerkClient } from "@latchkey/nextjs/server";
import { type RunningInstance, type StartInstanceOptions, startInstance } from "@latchkey/server";

/** Name of the JWT template `/api/token` asks for. */
export const DEMO_TEMPLATE = "demo-backend";

/** Claims of the template; `{{…}}` shortcodes are filled in for each token. */
const DEMO_TEMPLATE_CLAIMS = {
  email: "{{user.primary_email_address}}",
  org: "{{org.slug}}",
  role: "{{org.role}}",
};

export interface DemoInstanceOptions
  extends Pick<
    StartInstanceOptions,
    "port" | "dataDir" | "databaseUrl" | "schema" | "secretKey" | "settings" | "logger"
  > {
  /** The demo app's origin, e.g. `http://localhost:3000`. */
  appUrl: string;
  /** Signing secret of the webhook endpoint (`whsec_…`); default: the stored or a new one. */
  webhookSecret?: string;
}

/** A started instance and the environment the demo app needs to use it. */
export interface DemoInstance {
  instance: RunningInstance;
  /** `CLERK_SECRET_KEY`, `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY`, `CLERK_API_URL`… */
  env: Record<string, string>;
}

/**
 * Starts the instance and prepares it for the demo. Safe to run at every start: the template and
 * the webhook endpoint are created only when missing.
 *
 * @throws InstanceConfigError when a given secret key is malformed
 * @throws ClerkAPIResponseError when the Backend API refuses to create the template
 * @example
 * const { instance, env } = await startDemoInstance({ port: 4100, appUrl: "http://localhost:3000" });
 */
export async function startDemoInstance(options: DemoInstanceOptions): Promise<DemoInstance> {
  const { appUrl, webhookSecret, ...startOptions } = options;
  const instance = await startInstance({ ...startOptions, allowedOrigins: [appUrl] });
  try {
    // The template is made through the Backend API, as any admin script of yours could.
    const clerk = createClerkClient({ secretKey: instance.secretKey, apiUrl: instance.url });
    const templates = await clerk.jwtTemplates.list({ limit: 100 });
    if (!templates.data.some((template) => template.name === DEMO_TEMPLATE)) {
      await clerk.jwtTemplates.create({ name: DEMO_TEMPLATE, claims: DEMO_TEMPLATE_CLAIMS });
    }
    const endpoint = await instance.store.ensureWebhookEndpoint({
      url: `${appUrl}/api/webhooks`,
      ...(webhookSecret ? { secret: webhookSecret } : {}),
      description: "Latchkey demo: keeps /synced-users up to date",
    });
    const env = {
      CLERK_SECRET_KEY: instance.secretKey,
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: instance.publishableKey,
      CLERK_API_URL: instance.publicUrl,
      CLERK_WEBHOOK_SIGNING_SECRET: endpoint.secret,
      NEXT_PUBLIC_CLERK_SIGN_IN_URL: "/sign-in",
      NEXT_PUBLIC_CLERK_SIGN_UP_URL: "/sign-up",
    };
    return { instance, env };
  } catch (error) {
    await instance.close();
    throw error;
  }
}
