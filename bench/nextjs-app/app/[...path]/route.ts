// Every benchmark path (`/plain/…`, `/next/…`, `/latchkey/…`, `/clerk/…`) ends here, so the cases
// differ only in what the proxy does before this handler.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response("ok\n", { headers: { "content-type": "text/plain" } });
}
