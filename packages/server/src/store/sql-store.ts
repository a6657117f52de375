import type { Clock } from "../clock.js";
import { systemClock } from "../clock.js";
import { defaultIdGenerator, type IdGenerator } from "../id-generator.js";
import type { Database, Queryable } from "./database.js";
import { createEventEmitter } from "./internal/emit-event.js";
import { joinTransaction } from "./internal/join-transaction.js";
import { sqlConsoleMethods } from "./internal/sql-console-methods.js";
import { sqlExternalAccountMethods } from "./internal/sql-external-account-methods.js";
import { sqlFrontendClientMethods } from "./internal/sql-frontend-client-methods.js";
import { sqlHandshakeMethods } from "./internal/sql-handshake-methods.js";
import { sqlIdentificationMethods } from "./internal/sql-identification-methods.js";
import { sqlInstanceConfigMethods } from "./internal/sql-instance-config-methods.js";
import { sqlInvitationMethods } from "./internal/sql-invitation-methods.js";
import { sqlJwtTemplateMethods } from "./internal/sql-jwt-template-methods.js";
import { sqlKeyMethods } from "./internal/sql-key-methods.js";
import { sqlMailMethods } from "./internal/sql-mail-methods.js";
import { sqlOrganizationMethods } from "./internal/sql-organization-methods.js";
import { sqlOrganizationRoleMethods } from "./internal/sql-organization-role-methods.js";
import { sqlRateLimitMethods } from "./internal/sql-rate-limit-methods.js";
import { sqlResourceImportMethods } from "./internal/sql-resource-import-methods.js";
import { sqlSessionMethods } from "./internal/sql-session-methods.js";
import { sqlSignAttemptMethods } from "./internal/sql-sign-attempt-methods.js";
import { sqlSignInStatsMethods } from "./internal/sql-sign-in-stats-methods.js";
import type { SqlStoreContext } from "./internal/sql-store-context.js";
import { sqlStoreTransaction } from "./internal/sql-store-transaction.js";
import { sqlTotpEnrollmentMethods } from "./internal/sql-totp-enrollment-methods.js";
import { sqlUserImportMethods } from "./internal/sql-user-import-methods.js";
import { sqlUserMethods } from "./internal/sql-user-methods.js";
import { sqlVerificationMethods } from "./internal/sql-verification-methods.js";
import { sqlWebhookMethods } from "./internal/sql-webhook-methods.js";
import { translateUniqueViolation } from "./internal/unique-violation.js";
import type { Store } from "./store.js";
import type { RenderEventData, StoreEvent } from "./store-events.js";

/** Options for {@link createSqlStore}. */
export interface SqlStoreOptions {
  clock?: Clock;
  ids?: IdGenerator;
  /** `instance_id` of webhook events; default `ins_latchkey`. */
  instanceId?: string;
  /**
   * Renders the data of the webhook events written to the outbox from their records (the JSON
   * shapes live in `wire/`: `webhookEventData()`).
   */
  renderEventData: RenderEventData;
}

/**
 * The one {@link Store} implementation, in SQL over a {@link Database} (PGlite or PostgreSQL).
 * Run {@link migrate} on the database first.
 *
 * @example
 * const store = createSqlStore(await createPgliteDatabase({ dataDir: "memory://" }), {
 *   renderEventData: webhookEventData(),
 * });
 */
export function createSqlStore(db: Database, options: SqlStoreOptions): Store {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? defaultIdGenerator;
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw translateUniqueViolation(error);
    }
  };
  const writeOutbox = createEventEmitter({
    clock,
    ids,
    instanceId: options.instanceId ?? "ins_latchkey",
  });
  const emit = (tx: Queryable, event: StoreEvent) =>
    writeOutbox(tx, event.type, options.renderEventData(event, clock.now()));
  const context: SqlStoreContext = { db, clock, ids, guard, emit };

  const sessionMethods = sqlSessionMethods(context);

  return {
    ...sqlUserMethods(context),
    ...sqlIdentificationMethods(context),

    // Organizations, memberships, organization and application invitations (read here; changed
    // by the flows inside `transaction`).
    ...sqlOrganizationMethods(context),
    ...sqlOrganizationRoleMethods(context),
    ...sqlInvitationMethods(context),
    // A flow runs its steps as one transaction: the store's verbs joined to it, and row verbs.
    ...sqlStoreTransaction(context, (tx) => createSqlStore(joinTransaction(db, tx), options)),

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
    ...sqlVerificationMethods(context),
    // Handshake payloads waiting for the app's server (`format=nonce`).
    ...sqlHandshakeMethods(context),
    // Social sign-in: users' provider accounts and redirects to providers in flight.
    ...sqlExternalAccountMethods(context),
    // Pending TOTP enrolments of `/v1/me/totp`.
    ...sqlTotpEnrollmentMethods(context),
    // Users moved from another instance (`latchkey import clerk`), ids and digests kept.
    ...sqlUserImportMethods(context),
    ...sqlResourceImportMethods(context),
    // The admin console's sessions and audit log.
    ...sqlConsoleMethods(context),
    // Daily sign-in counters and the activity the console's overview charts.
    ...sqlSignInStatsMethods(context),

    ping: async () => {
      await db.query("SELECT 1");
    },
    close: () => db.close(),
  };
}
