const DAY_MS = 86_400_000;

/** How long an invitation stays pending when no expiry is asked for. */
export const DEFAULT_INVITATION_EXPIRY_DAYS = 30;

/**
 * When an invitation made at `now` expires: after `expiresInDays` (default 30) days.
 *
 * @example
 * invitationExpiresAt(0, 1); // 86_400_000
 */
export function invitationExpiresAt(now: number, expiresInDays?: number | null): number {
  return now + (expiresInDays ?? DEFAULT_INVITATION_EXPIRY_DAYS) * DAY_MS;
}
