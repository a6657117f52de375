import { verifyWebhook } from "@clerk/nextjs/webhooks";
import type { NextRequest } from "next/server";
import { applyUserEvent } from "@/lib/synced-users";

// POST /api/webhooks — `verifyWebhook` checks the signature with CLERK_WEBHOOK_SIGNING_SECRET.
export async function POST(req: NextRequest) {
  let event: Awaited<ReturnType<typeof verifyWebhook>>;
  try {
    event = await verifyWebhook(req);
  } catch {
    return Response.json({ error: "invalid_webhook" }, { status: 400 });
  }
  applyUserEvent(event);
  return new Response(null, { status: 204 });
}
