import { auth } from "@latchkey/nextjs/server";
import { templateTokenAnswer } from "@/lib/template-token-answer";

// GET /api/token — mints a `demo-backend` template token and shows the claims a second backend
// would verify (lib/template-token-answer.ts).
export async function GET() {
  return templateTokenAnswer(await auth());
}
