/** How long a sign-in attempt lives before it is abandoned (Clerk: a day). */
export const SIGN_IN_ABANDON_MS = 24 * 3600 * 1000;
/** How long a sign-up attempt lives before it is abandoned (Clerk: a day). */
export const SIGN_UP_ABANDON_MS = 24 * 3600 * 1000;
