// Spoofing the client's address, as an attacker would, against the real demo (`next start`) and
// instance: a browser's own X-Forwarded-For (and X-Real-IP, Forwarded) is believed neither by the
// app's /__clerk proxy nor by the instance directly, so rotating it spreads nothing over per-IP
// limits. The app's proxy believes only the platform header it was told to (E2E_CLIENT_IP_HEADER),
// and signs that address for the instance.
import { E2E_CLIENT_IP_HEADER } from "./e2e-settings";
import { expect, instanceUrl, test } from "./fixtures";

/** The instance's per-IP limit on sign-in attempts (RATE_LIMIT_RULES.signInIp). */
const SIGN_IN_IP_LIMIT = 30;

/** Length of that limit's window; windows are fixed, aligned on the epoch. */
const SIGN_IN_IP_WINDOW_MS = 60_000;

/**
 * Waits for the next window when the current one ends within 10 s, so a burst is counted in one
 * window (a burst across a boundary is counted in two, by design of fixed windows).
 */
async function awayFromWindowEdge(): Promise<void> {
  const left = SIGN_IN_IP_WINDOW_MS - (Date.now() % SIGN_IN_IP_WINDOW_MS);
  if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 250));
}

/** Sign-in attempts at `url`, each with another made-up X-Forwarded-For; their statuses. */
async function rotate(
  post: (url: string, headers: Record<string, string>, body: string) => Promise<number>,
  url: string,
  origin: string,
  extra: Record<string, string>,
): Promise<number[]> {
  await awayFromWindowEdge();
  const statuses: number[] = [];
  for (let i = 0; i < SIGN_IN_IP_LIMIT + 2; i++) {
    const spoof = `198.51.${100 + (i % 50)}.${i + 1}`;
    statuses.push(
      await post(
        url,
        {
          origin,
          "content-type": "application/x-www-form-urlencoded",
          "x-forwarded-for": spoof,
          "x-real-ip": spoof,
          forwarded: `for=${spoof}`,
          ...extra,
        },
        `identifier=nobody${i}%40spoof.example`,
      ),
    );
  }
  return statuses;
}

test("through the app: rotating X-Forwarded-For spreads nothing; the platform's address is what counts", async ({
  request,
  baseURL,
}) => {
  const post = async (url: string, headers: Record<string, string>, data: string) =>
    (await request.post(url, { headers, data })).status();
  const origin = baseURL ?? "";
  const statuses = await rotate(post, `${origin}/__clerk/v1/client/sign_ins`, origin, {
    [E2E_CLIENT_IP_HEADER]: "192.0.2.77",
  });
  expect(statuses.slice(0, SIGN_IN_IP_LIMIT)).toEqual(Array(SIGN_IN_IP_LIMIT).fill(422));
  expect(statuses.slice(SIGN_IN_IP_LIMIT)).toEqual([429, 429]);
  // Another client (as the platform names it) is not limited by the first one's attempts.
  const other = await post(
    `${origin}/__clerk/v1/client/sign_ins`,
    {
      origin,
      "content-type": "application/x-www-form-urlencoded",
      [E2E_CLIENT_IP_HEADER]: "192.0.2.78",
    },
    "identifier=someone-else%40spoof.example",
  );
  expect(other).toBe(422);
});

test("directly at the instance: X-Forwarded-For from a stranger is ignored", async ({
  request,
  baseURL,
}) => {
  const post = async (url: string, headers: Record<string, string>, data: string) =>
    (await request.post(url, { headers, data })).status();
  const statuses = await rotate(
    post,
    `${instanceUrl()}/__clerk/v1/client/sign_ins`,
    baseURL ?? "",
    {},
  );
  expect(statuses.slice(0, SIGN_IN_IP_LIMIT)).toEqual(Array(SIGN_IN_IP_LIMIT).fill(422));
  expect(statuses.slice(SIGN_IN_IP_LIMIT)).toEqual([429, 429]);
});
