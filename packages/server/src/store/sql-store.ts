import type { Clock } from "../clock.js";
import { systemClock } from "../clock.js";
import { defaultIdGenerator, type IdGenerator } from "../id-generator.js";
import type { Database } from "./database.js";
import { createEventEmitter } from "./internal/emit-event.js";
import { sqlFrontendClientMethods } from "./internal/sql-frontend-client-methods.js";
import { sqlIdentificationMethods } from "./internal/sql-identification-methods.js";
import { sqlInstanceConfigMethods } from "./internal/sql-instance-config-methods.js";
import { sqlInvitationMethods } from "./internal/sql-invitation-methods.js";
import { sqlJwtTemplateMethods } from "./internal/sql-jwt-template-methods.js";
import { sqlKeyMethods } from "./internal/sql-key-methods.js";
import { sqlMailMethods } from "./internal/sql-mail-methods.js";
import { sqlOrganizationMethods } from "./internal/sql-organization-methods.js";
import { sqlRateLimitMethods } from "./internal/sql-rate-limit-methods.js";
import { sqlSessionMethods } from "./internal/sql-session-methods.js";
import { sqlSignAttemptMethods } from "./internal/sql-sign-attempt-methods.js";
import type { SqlStoreContext } from "./internal/sql-store-context.js";
import { sqlTotpEnrollmentMethods } from "./internal/sql-totp-enrollment-methods.js";
import { sqlUserMethods } from "./internal/sql-user-methods.js";
import { sqlVerificationMethods } from "./internal/sql-verification-methods.js";
import { sqlWebhookMethods } from "./internal/sql-webhook-methods.js";
import { translateUniqueViolation } from "./internal/unique-violation.js";
import { createUserEvents } from "./internal/user-events.js";
import type { Store } from "./store.js";

/** Options for {@link createSqlStore}. */
export interface SqlStoreOptions {
  clock?: Clock;
  ids?: IdGenerator;
  /** `instance_id` of webhook events; default `ins_latchkey`. */
  instanceId?: string;
  /** Public origin of the instance, for image URLs in event payloads; default `http://localhost:4100`. */
  publicUrl?: string;
  /** Failed verification attempts before a lockout, as reported in user JSON; default 10. */
  maxVerificationAttempts?: number;
}

const DEFAULT_PUBLIC_URL = "http://localhost:4100";

/**
 * The one {@link Store} implementation, in SQL over a {@link Database} (PGlite or PostgreSQL).
 * Run {@link migrate} on the database first.
 *
 * @example
 * const store = createSqlStore(await createPgliteDatabase({ dataDir: "memory://" }));
 */
export function createSqlStore(db: Database, options: SqlStoreOptions = {}): Store {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? defaultIdGenerator;
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw translateUniqueViolation(error);
    }
  };
  const emit = createEventEmitter({ clock, ids, instanceId: options.instanceId ?? "ins_latchkey" });
  const context: SqlStoreContext = { db, clock, ids, guard, emit };

  const userEvents = createUserEvents(context, {
    publicUrl: (options.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, ""),
    maxVerificationAttempts: options.maxVerificationAttempts ?? 10,
  });

  const sessionMethods = sqlSessionMethods(context, userEvents);

  return {
    ...sqlUserMethods(context, userEvents),
    ...sqlIdentificationMethods(context, userEvents),

    // Organizations, memberships, organization and application invitations.
    ...sqlOrganizationMethods(context, {
      publicUrl: (options.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, ""),
    }),
    ...sqlInvitationMethods(context, {
      publicUrl: (options.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, ""),
    }),

    // Clients and sessions, signing keys, JWT templates.
    ...sqlInstanceConfigMethods(context),
    ...sessionMethods,
    ...sqlKeyMethods(context),
    ...sqlJwtTemplateMethods(context),

    // Webhook endpoints, deliveries and the delivery worker's steps.
    ...sqlWebhookMethods(context),

    // Sent emails (dev mailbox, `email.created`) and shared rate-limit counters.
    ...sqlMailMethods(context),
    ...sqlRateLimitMethods(context),

    // Frontend API: client tokens, sign-ups, sign-ins, one-time codes, lockout, backup codes.
    ...sqlFrontendClientMethods(context, sessionMethods.getClient),
    ...sqlSignAttemptMethods(context),
    ...sqlVerificationMethods(context, userEvents),
    // Pending TOTP enrolments of `/v1/me/totp`.
    ...sqlTotpEnrollmentMethods(context, userEvents),

    ping: async () => {
      await db.query("SELECT 1");
    },
    close: () => db.close(),
  };
}
