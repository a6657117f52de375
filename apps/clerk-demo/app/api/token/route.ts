import { auth } from "@clerk/nextjs/server";
import { templateTokenAnswer } from "../../../../demo/lib/template-token-answer";

// GET /api/token — a template token's claims, as a second backend would receive them: the
// starter's answer (apps/demo), fed by Clerk's `auth()`.
export async function GET() {
  return templateTokenAnswer(await auth());
}
