import type { SessionRecord } from "../store/session-store.js";
import type { UserRecord } from "../store/store.js";
import type { FrontendUserJson } from "./frontend-user-json.js";
import { publicUserDataJson } from "./frontend-user-json.js";
import { sessionStateJson } from "./session-state-json.js";

const minutesSince = (now: number, at: number): number =>
  Math.max(0, Math.floor((now - at) / 60_000));

/**
 * Serialises a session as the Frontend API's `Session`: the user embedded, `public_user_data`,
 * `factor_verification_age` (minutes since the first and second factor, −1 when none) and the
 * last token minted in this answer, if any.
 *
 * @example
 * frontendSessionJson(session, { user, userJson, baseUrl, now, lastActiveToken: null });
 */
export function frontendSessionJson(
  session: SessionRecord,
  context: {
    user: UserRecord;
    userJson: FrontendUserJson;
    baseUrl: string;
    now: number;
    lastActiveToken?: string | null;
  },
) {
  const { now } = context;
  return {
    ...sessionStateJson(session),
    last_active_token:
      context.lastActiveToken == null
        ? null
        : { object: "token" as const, jwt: context.lastActiveToken },
    user: context.userJson,
    public_user_data: publicUserDataJson(context.user, context.baseUrl),
    factor_verification_age: [
      minutesSince(now, session.firstFactorVerifiedAt),
      session.secondFactorVerifiedAt === null
        ? -1
        : minutesSince(now, session.secondFactorVerifiedAt),
    ],
  };
}

/** The Frontend API's JSON of a session. */
export type FrontendSessionJson = ReturnType<typeof frontendSessionJson>;
