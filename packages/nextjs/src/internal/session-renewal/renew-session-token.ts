/** What the Frontend API said to a renewal. */
export type RenewSessionTokenResult =
  /** A fresh session token. */
  | { status: "renewed"; jwt: string }
  /** The client or session no longer exists or is no longer active (401/404). */
  | { status: "gone"; httpStatus: number }
  /** Anything else: the instance is down, slow or answered nonsense. */
  | { status: "failed"; detail: string };

/** Inputs of {@link renewSessionToken}. */
export interface RenewSessionTokenParams {
  /** Frontend API base URL, e.g. `http://localhost:3001/__clerk` (no trailing slash). */
  frontendApiUrl: string;
  sessionId: string;
  /** The browser's `__client` cookie value. Sent to the instance only, never logged. */
  clientCookie: string;
  /** The app's origin, sent as `Origin` so the new token's `azp` names the app. */
  origin: string;
  fetch: typeof fetch;
  /** Give up after this long. Default 5000 ms. */
  timeoutInMs?: number;
}

/**
 * Asks the instance's Frontend API for a fresh session token on behalf of the browser:
 * `POST {frontendApi}/v1/client/sessions/{sid}/tokens` with `Cookie: __client=…` and `Origin`.
 * Never throws; every outcome is a result.
 */
export async function renewSessionToken(
  params: RenewSessionTokenParams,
): Promise<RenewSessionTokenResult> {
  const url = `${params.frontendApiUrl}/v1/client/sessions/${encodeURIComponent(params.sessionId)}/tokens`;
  let response: Response;
  try {
    response = await params.fetch(url, {
      method: "POST",
      headers: {
        cookie: `__client=${params.clientCookie}`,
        origin: params.origin,
        accept: "application/json",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "",
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(params.timeoutInMs ?? 5000),
    });
  } catch (err) {
    const name = err instanceof Error ? err.name : "unknown";
    return { status: "failed", detail: `The Frontend API could not be reached (${name}).` };
  }
  if (response.status === 401 || response.status === 404) {
    await response.body?.cancel();
    return { status: "gone", httpStatus: response.status };
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    return { status: "failed", detail: `The Frontend API answered ${response.status}.` };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { status: "failed", detail: "The Frontend API answered with unreadable JSON." };
  }
  const jwt = (body as { jwt?: unknown } | null)?.jwt;
  if (typeof jwt !== "string" || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(jwt)) {
    return { status: "failed", detail: "The Frontend API's answer has no session token." };
  }
  return { status: "renewed", jwt };
}
