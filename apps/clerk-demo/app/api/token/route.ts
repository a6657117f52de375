import { auth } from "@clerk/nextjs/server";

// The JWT template `demo-backend` is created by `pnpm dev` (latchkey.dev.json).
const TEMPLATE = "demo-backend";

// GET /api/token — a template token's claims, as a second backend would receive them.
export async function GET() {
  const { userId, getToken } = await auth();
  if (!userId) {
    return Response.json({ error: "unauthenticated" }, { status: 401 });
  }
  const token = await getToken({ template: TEMPLATE });
  if (!token) {
    return Response.json({ error: "no_token" }, { status: 502 });
  }
  return Response.json({ template: TEMPLATE, claims: decodeClaims(token) });
}

/** Reads a JWT's payload for display. This does NOT verify it: the receiving backend must. */
function decodeClaims(token: string): unknown {
  const payload = token.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
}
