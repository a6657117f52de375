import { expect } from "vitest";
import { TEST_SECRET_KEY } from "../../test/test-instance.js";

/** A parsed answer of the instance. */
export interface CodedAnswer {
  status: number;
  /** `errors[0].code` of an error answer; undefined for a 2xx. */
  code: string | undefined;
  body: unknown;
}

/**
 * Reads a Backend API response and checks it is well formed: never a 5xx; JSON with the exact
 * `Content-Type: application/json`; a 4xx in Clerk's envelope (`errors[0].code` a non-empty
 * string, `clerk_trace_id`); never the secret key. `context` names the request in failures.
 *
 * @example
 * const answer = await expectCodedAnswer(await instance.fetch("/v1/users"), "GET /v1/users");
 */
export async function expectCodedAnswer(response: Response, context: string): Promise<CodedAnswer> {
  const text = await response.text();
  expect(response.status, `${context} → ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(response.headers.get("content-type"), context).toBe("application/json");
  expect(text, context).not.toContain(TEST_SECRET_KEY);
  const body: unknown = JSON.parse(text);
  if (response.status < 400) {
    expect(response.status, context).toBeGreaterThanOrEqual(200);
    return { status: response.status, code: undefined, body };
  }
  const envelope = body as { errors?: unknown; clerk_trace_id?: unknown };
  expect(Array.isArray(envelope.errors), context).toBe(true);
  const first = (envelope.errors as Array<Record<string, unknown>>)[0];
  expect(typeof first?.code, context).toBe("string");
  expect(String(first?.code).length, context).toBeGreaterThan(0);
  expect(typeof first?.message, context).toBe("string");
  expect(typeof first?.long_message, context).toBe("string");
  expect(typeof envelope.clerk_trace_id, context).toBe("string");
  expect(String(envelope.clerk_trace_id).length, context).toBeGreaterThan(0);
  return { status: response.status, code: String(first?.code), body };
}
