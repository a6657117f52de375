/**
 * Builds a JSON response whose `Content-Type` is exactly `application/json` (no charset): Clerk's
 * SDK only parses bodies carrying exactly that header.
 */
export function jsonResponse(
  data: unknown,
  status = 200,
  headers?: Record<string, string>,
): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { ...headers, "Content-Type": "application/json" },
  });
}
