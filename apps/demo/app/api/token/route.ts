import { auth } from "@latchkey/nextjs/server";

// The JWT template `demo-backend` is created by `pnpm dev` (latchkey.dev.json). It adds claims
// such as the user's email and active organization to a token meant for a second backend.
const TEMPLATE = "demo-backend";

// GET /api/token — mints a template token and shows the claims a second backend would verify
// (against the instance's JWKS at /v1/jwks or with CLERK_JWT_KEY).
export async function GET() {
  const { userId, getToken } = await auth();
  if (!userId) {
    return Response.json({ error: "unauthenticated" }, { status: 401 });
  }
  const token = await getToken({ template: TEMPLATE });
  if (!token) {
    return Response.json({ error: "no_token" }, { status: 502 });
  }
  // The token itself stays on the server: pass it on in `Authorization: Bearer …` to the backend.
  return Response.json({ template: TEMPLATE, claims: decodeClaims(token) });
}

/** Reads a JWT's payload for display. This does NOT verify it: the receiving backend must. */
function decodeClaims(token: string): unknown {
  const payload = token.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
}
