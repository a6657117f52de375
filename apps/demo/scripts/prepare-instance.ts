// What the demo needs from its Latchkey instance besides users: the `demo-backend` JWT template
// and the webhook endpoint that feeds `/synced-users`. Safe to run at every start.
import { createClerkClient } from "@latchkey/nextjs/server";
import type { RunningInstance } from "@latchkey/server";

/** Name of the JWT template `/api/token` asks for. */
export const DEMO_TEMPLATE = "demo-backend";

/** Claims of the template; `{{…}}` shortcodes are filled in for each token. */
const DEMO_TEMPLATE_CLAIMS = {
  email: "{{user.primary_email_address}}",
  org: "{{org.slug}}",
  role: "{{org.role}}",
};

/**
 * Creates the `demo-backend` JWT template (through the Backend API, as any admin script could)
 * and the webhook endpoint `<appUrl>/api/webhooks` when missing. Returns the endpoint's signing
 * secret: `secret` when given (an existing `.env.local` keeps working), else the stored one.
 *
 * @throws ClerkAPIResponseError when the Backend API refuses
 * @example
 * const { webhookSecret } = await prepareInstance(instance, "http://localhost:3000");
 */
export async function prepareInstance(
  instance: RunningInstance,
  appUrl: string,
  secret?: string,
): Promise<{ webhookSecret: string }> {
  const clerk = createClerkClient({ secretKey: instance.secretKey, apiUrl: instance.url });
  const templates = await clerk.jwtTemplates.list({ limit: 100 });
  if (!templates.data.some((template) => template.name === DEMO_TEMPLATE)) {
    await clerk.jwtTemplates.create({ name: DEMO_TEMPLATE, claims: DEMO_TEMPLATE_CLAIMS });
  }
  const endpoint = await instance.store.ensureWebhookEndpoint({
    url: `${appUrl}/api/webhooks`,
    ...(secret ? { secret } : {}),
    description: "Latchkey demo: keeps /synced-users up to date",
  });
  return { webhookSecret: endpoint.secret };
}
