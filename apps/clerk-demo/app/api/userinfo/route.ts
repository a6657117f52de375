import { clerkClient, getAuth } from "@clerk/nextjs/server";
import type { NextRequest } from "next/server";

// GET /api/userinfo — who is calling, from the session cookie or `Authorization: Bearer …`.
export async function GET(req: NextRequest) {
  const { userId } = getAuth(req);
  if (!userId) {
    return Response.json({ error: "unauthenticated" }, { status: 401 });
  }
  const client = await clerkClient();
  const user = await client.users.getUser(userId);
  return Response.json({ userId, email: user.primaryEmailAddress?.emailAddress ?? null });
}
