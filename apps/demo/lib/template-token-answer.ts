// GET /api/token's answer, apart from where `auth()` comes from: mints a token from the JWT
// template `demo-backend` (created by `pnpm dev` from latchkey.dev.json; it adds claims such as
// the user's email and active organization, for a second backend) and shows its claims as that
// backend would verify them (against the instance's JWKS at /v1/jwks or with CLERK_JWT_KEY).
const TEMPLATE = "demo-backend";

/** What the answer needs of `await auth()`. */
export interface TokenSource {
  userId: string | null;
  getToken(options: { template: string }): Promise<string | null>;
}

/** 401 when signed out, 502 when no token came back, else `{ template, claims }`. */
export async function templateTokenAnswer({ userId, getToken }: TokenSource): Promise<Response> {
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
