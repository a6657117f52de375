import { verifyWebhook } from "@latchkey/nextjs/webhooks";
import { applyUserEvent } from "@/lib/synced-users";

// POST /api/webhooks — the instance calls this for every event (users, sessions, organizations…).
// `verifyWebhook` checks the signature with CLERK_WEBHOOK_SIGNING_SECRET; never trust an
// unverified body. Answer 2xx quickly: any other status makes the instance retry later.
export async function POST(req: Request) {
  let event: Awaited<ReturnType<typeof verifyWebhook>>;
  try {
    event = await verifyWebhook(req);
  } catch {
    return Response.json({ error: "invalid_webhook" }, { status: 400 });
  }
  await applyUserEvent(event);
  return new Response(null, { status: 204 });
}
