export type { Clock } from "./clock.js";
export { createFixedClock, systemClock } from "./clock.js";
export type { FetchHandler, HandlerConfig } from "./create-handler.js";
export { createHandler } from "./create-handler.js";
export type { DevConfig, DevJwtTemplate, DevWebhook } from "./dev/dev-config.js";
export { DEV_CONFIG_FILE, loadDevConfig, parseDevConfig } from "./dev/dev-config.js";
export type { DevSetupErrorCode } from "./dev/dev-setup-error.js";
export { DevSetupError } from "./dev/dev-setup-error.js";
export type {
  LocalOidcClient,
  LocalOidcProvider,
  LocalOidcUser,
} from "./dev/local-oidc-provider.js";
export { startLocalOidcProvider } from "./dev/local-oidc-provider.js";
export type { DevOutput, RunDevOptions } from "./dev/run-dev.js";
export { runDev } from "./dev/run-dev.js";
export type { DevInstance, DevInstanceOptions } from "./dev/start-dev-instance.js";
export { startDevInstance } from "./dev/start-dev-instance.js";
export type { ApiErrorOptions } from "./errors/api-error.js";
export { ApiError, isApiError } from "./errors/api-error.js";
export type { ApiErrorCode } from "./errors/error-table.js";
export type { AnyRoute, InstanceSettings, RouteDefinition } from "./http/define-route.js";
export { defineRoute } from "./http/define-route.js";
export { backendApiRoutes } from "./http/routes/backend-api-routes.js";
export type { NodeServer, ServeNodeOptions } from "./http/serve-node.js";
export { serveNode } from "./http/serve-node.js";
export type { IdGenerator } from "./id-generator.js";
export type { ClerkImportReport } from "./import/clerk-import-report.js";
export type { ImportClerkUsersOptions } from "./import/import-clerk-users.js";
export { importClerkUsers } from "./import/import-clerk-users.js";
export { InstanceConfigError } from "./instance/instance-secret-key.js";
export type { SeedReport } from "./instance/load-seed.js";
export { SeedError } from "./instance/load-seed.js";
export type { Logger } from "./logger.js";
export { consoleLogger, silentLogger } from "./logger.js";
export type { OAuthConnection, OAuthCredentials } from "./oauth/oauth-connection.js";
export {
  customOidcConnection,
  githubConnection,
  googleConnection,
  microsoftConnection,
} from "./oauth/oauth-connection.js";
export { parseOAuthConnectionSpec } from "./oauth/parse-oauth-connection-spec.js";
export type { RunningInstance, StartInstanceOptions } from "./start-instance.js";
export { startInstance } from "./start-instance.js";
export type { Database, Queryable } from "./store/database.js";
export { migrate } from "./store/migrate.js";
export type { OpenSqlStoreOptions, OpenStoreOptions } from "./store/open-store.js";
export { defaultDataDir, openDatabase, openStore } from "./store/open-store.js";
export type { SqlStoreOptions } from "./store/sql-store.js";
export { createSqlStore } from "./store/sql-store.js";
export type { Store, UserRecord } from "./store/store.js";
export type { RenderEventData, StoreEvent } from "./store/store-events.js";
export { mintSessionToken } from "./tokens/mint-session-token.js";
export { publishableKeyFor } from "./tokens/publishable-key.js";
export type { SigningKeyRing, SigningKeyRingOptions } from "./tokens/signing-key-ring.js";
export { createSigningKeyRing } from "./tokens/signing-key-ring.js";
export type { WebhookWorker, WebhookWorkerOptions } from "./webhooks/start-webhook-worker.js";
export { startWebhookWorker } from "./webhooks/start-webhook-worker.js";
export type { WebhookEventDataOptions } from "./wire/webhook-event-data.js";
export { webhookEventData } from "./wire/webhook-event-data.js";
