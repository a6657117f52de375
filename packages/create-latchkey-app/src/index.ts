// `create-latchkey-app` as a library: what the `create-latchkey-app` command runs.
export { type CreateAppOptions, type CreatedApp, createApp, packageNameFor } from "./create-app.js";
export { CreateAppError, type CreateAppErrorCode } from "./create-app-error.js";
export { findMonorepoTraces, type MonorepoTrace } from "./find-monorepo-traces.js";
export { type PackPackages, packWithPnpm } from "./pack-packages.js";
export { type AppFiles, type PlanOptions, planApp } from "./plan-app.js";
export {
  findTemplateSource,
  type LatchkeyPackage,
  packagedSource,
  repositorySource,
  type TemplateSource,
} from "./template-source.js";
