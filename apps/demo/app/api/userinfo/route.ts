import { clerkClient, getAuth } from "@latchkey/nextjs/server";

// GET /api/userinfo — who is calling? Works with the session cookie (from the browser) and with
// `Authorization: Bearer <session token>` (from another service or a mobile app).
export async function GET(req: Request) {
  const { userId } = await getAuth(req);
  if (!userId) {
    return Response.json({ error: "unauthenticated" }, { status: 401 });
  }
  // The session token only carries the user id; the rest comes from the Backend API.
  const client = await clerkClient();
  const user = await client.users.getUser(userId);
  return Response.json({ userId, email: user.primaryEmailAddress?.emailAddress ?? null });
}
