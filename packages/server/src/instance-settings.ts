/** The instance's settings, as routes and flows read them. */
export interface InstanceSettings {
  /** Lock duration after `POST /users/{id}/lock` or too many failed attempts; null = forever. */
  lockoutSeconds: number | null;
  /** Failed verification attempts before a user is locked. */
  maxVerificationAttempts: number;
  /** Frontend API URL, the session tokens' `iss`; null = `${baseUrl}/__clerk`. */
  frontendApiUrl: string | null;
  /** Default lifetime of session tokens, in seconds (Clerk: 60). */
  sessionTokenLifetimeSeconds: number;
  /** Maximum lifetime of a session (its `expire_at`), in seconds. */
  sessionLifetimeSeconds: number;
  /** Time after which an unused session is abandoned (its `abandon_at`), in seconds. */
  sessionAbandonSeconds: number;
  /**
   * A development instance: the dev mailbox (`/__dev/mailbox`) is served, and `+clerk_test`
   * addresses get no mail. Turn off in production.
   */
  developmentMode: boolean;
}
