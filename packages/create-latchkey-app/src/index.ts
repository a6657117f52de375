// `create-latchkey-app` as a library: what the `create-latchkey-app` command runs.
export type { CreateAppOptions, CreatedApp } from "./create-app.js";
export { createApp, packageNameFor } from "./create-app.js";
export type { CreateAppErrorCode } from "./create-app-error.js";
export { CreateAppError } from "./create-app-error.js";
export type { MonorepoTrace } from "./find-monorepo-traces.js";
export { findMonorepoTraces } from "./find-monorepo-traces.js";
export type { PackPackages } from "./pack-packages.js";
export { packWithPnpm } from "./pack-packages.js";
export type { AppFiles, PlanOptions } from "./plan-app.js";
export { planApp } from "./plan-app.js";
export type { LatchkeyPackage, TemplateSource } from "./template-source.js";
export { findTemplateSource, packagedSource, repositorySource } from "./template-source.js";
