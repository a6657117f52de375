import { LatchkeyNextjsError } from "../../latchkey-nextjs-error.js";

/** What a publishable key says. */
export interface PublishableKey {
  instanceType: "development" | "production";
  /** `host[/path]` of the Frontend API, without scheme. */
  frontendApi: string;
}

const PREFIXES = { pk_test_: "development", pk_live_: "production" } as const;

/**
 * Decodes a publishable key: `pk_test_` or `pk_live_` followed by base64 of `host[/path]$`.
 *
 * @throws {LatchkeyNextjsError} `config-invalid` naming `variable` when the key does not decode.
 */
export function parsePublishableKey(key: string, variable: string): PublishableKey {
  const prefix = (Object.keys(PREFIXES) as (keyof typeof PREFIXES)[]).find((p) =>
    key.startsWith(p),
  );
  const invalid = (why: string) =>
    new LatchkeyNextjsError(
      "config-invalid",
      `${variable} is not a valid publishable key: ${why}. Copy the pk_test_… or pk_live_… key of your instance.`,
      { variable },
    );
  if (!prefix) throw invalid('it must start with "pk_test_" or "pk_live_"');
  const encoded = key.slice(prefix.length);
  let decoded: string;
  try {
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) throw new Error("not base64");
    decoded = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    throw invalid("its body is not base64");
  }
  if (!decoded.endsWith("$")) throw invalid('its decoded body does not end with "$"');
  const frontendApi = decoded.slice(0, -1);
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~\-/]*)?$/.test(frontendApi)) {
    throw invalid("its decoded body is not a host name");
  }
  return { instanceType: PREFIXES[prefix], frontendApi };
}

/**
 * The Frontend API URL of a decoded key: `https://host[/path]`, or `http://` for a local host.
 */
export function frontendApiUrlOf(key: PublishableKey): string {
  const host = key.frontendApi.split(/[/:]/, 1)[0] ?? "";
  const local = host === "localhost" || host.endsWith(".localhost") || host.startsWith("127.");
  return `${local ? "http" : "https"}://${key.frontendApi.replace(/\/+$/, "")}`;
}
