import { MICROSOFT_COMMON_ISSUER, MICROSOFT_ISSUER_TEMPLATE } from "./oauth-connection.js";
import { OAuthProviderError } from "./oauth-provider-error.js";
import { asRecord, describeUrl, requestProvider } from "./provider-request.js";

/** The parts of an OpenID Provider's metadata the client uses, checked. */
export interface OidcDiscovery {
  /** The document's `issuer`; for Microsoft's multi-tenant endpoint, the `{tenantid}` template. */
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  userinfoEndpoint: string | null;
  /** Asymmetric algorithms only: `none` and `HS*` are dropped; RS256 when the document names none. */
  idTokenAlgorithms: string[];
  tokenEndpointAuthMethods: string[] | null;
}

/**
 * Fetches and checks `<issuer>/.well-known/openid-configuration`: the document's `issuer` must be
 * the configured one (Microsoft's `common` issuer must answer with its `{tenantid}` template), and
 * the endpoints must be absolute http(s) URLs.
 *
 * @throws OAuthProviderError `discovery_failed` when it cannot be fetched or does not check out.
 * @example
 * const discovery = await discoverOidc("https://accounts.google.com", fetch);
 */
export async function discoverOidc(issuer: string, fetchFn: typeof fetch): Promise<OidcDiscovery> {
  const url = `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
  const answer = await requestProvider(
    fetchFn,
    url,
    { headers: { Accept: "application/json" } },
    "discovery_failed",
  );
  const doc = asRecord(answer.body);
  if (answer.status !== 200 || doc === null) {
    throw new OAuthProviderError(
      "discovery_failed",
      `discovery at ${describeUrl(url)} answered ${answer.status} without a JSON document`,
    );
  }
  const expectedIssuer = issuer === MICROSOFT_COMMON_ISSUER ? MICROSOFT_ISSUER_TEMPLATE : issuer;
  if (doc.issuer !== expectedIssuer) {
    throw new OAuthProviderError(
      "discovery_failed",
      `discovery at ${describeUrl(url)} names issuer ${JSON.stringify(String(doc.issuer)).slice(0, 200)}, not ${JSON.stringify(expectedIssuer)}`,
    );
  }
  const algorithms = stringList(doc.id_token_signing_alg_values_supported)?.filter(
    (alg) => alg !== "none" && !alg.startsWith("HS"),
  );
  return {
    issuer: expectedIssuer,
    authorizationEndpoint: endpoint(doc, "authorization_endpoint", url),
    tokenEndpoint: endpoint(doc, "token_endpoint", url),
    jwksUri: endpoint(doc, "jwks_uri", url),
    userinfoEndpoint:
      doc.userinfo_endpoint === undefined ? null : endpoint(doc, "userinfo_endpoint", url),
    idTokenAlgorithms: algorithms && algorithms.length > 0 ? algorithms : ["RS256"],
    tokenEndpointAuthMethods: stringList(doc.token_endpoint_auth_methods_supported),
  };
}

function endpoint(doc: Record<string, unknown>, field: string, url: string): string {
  const value = doc[field];
  if (typeof value === "string" && URL.canParse(value)) {
    const protocol = new URL(value).protocol;
    if (protocol === "https:" || protocol === "http:") return value;
  }
  throw new OAuthProviderError(
    "discovery_failed",
    `discovery at ${describeUrl(url)} has no usable ${field}`,
  );
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string")
    : null;
}
