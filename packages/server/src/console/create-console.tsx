/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import { limitRequestBody } from "../http/limit-request-body.js";
import { createConsoleApi } from "./console-api.js";
import { mountConsoleAssets } from "./console-assets.js";
import type { ConsoleEnv } from "./console-env.js";
import {
  consoleSameOrigin,
  consoleSecurityHeaders,
  requireConsoleSession,
} from "./console-guard.js";
import { renderPage } from "./console-page.js";
import type { ConsoleSetup } from "./console-setup.js";
import { mountConsoleSignIn } from "./console-sign-in.js";
import { mountAuditSection } from "./sections/audit/audit-section.js";
import { mountInstanceSection } from "./sections/instance/instance-section.js";
import { mountJwtTemplatesSection } from "./sections/jwt-templates/jwt-templates-section.js";
import { mountOrganizationsSection } from "./sections/organizations/organizations-section.js";
import { mountOverviewSection } from "./sections/overview/overview-section.js";
import { mountUsersSection } from "./sections/users/users-section.js";
import { mountWebhooksSection } from "./sections/webhooks/webhooks-section.js";

/**
 * The admin console, a Hono app served under `/console`: server-rendered pages, one small script.
 * Every request gets the console's security headers and the same-origin check; every page but
 * sign-in and the assets needs a live console session, and every form its CSRF token. Changes go
 * through the Backend API in process (`setup.callBackendApi`) and are recorded in the audit log.
 *
 * @example
 * app.route("/console", createConsole(setup));
 */
export function createConsole(setup: ConsoleSetup): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.use("*", consoleSecurityHeaders);
  app.use("*", async (c, next) => {
    c.set("setup", setup);
    c.req.raw = limitRequestBody(c.req.raw, setup.maxBodyBytes);
    c.set("address", c.env?.connection?.remoteAddress ?? null);
    c.set(
      "api",
      createConsoleApi(
        setup.callBackendApi,
        setup.secretKey,
        setup.publicUrl ?? new URL(c.req.url).origin,
      ),
    );
    return next();
  });
  app.use("*", consoleSameOrigin);
  mountConsoleAssets(app);
  mountConsoleSignIn(app);
  app.use("*", requireConsoleSession);
  mountOverviewSection(app);
  mountUsersSection(app);
  mountOrganizationsSection(app);
  mountJwtTemplatesSection(app);
  mountWebhooksSection(app);
  mountInstanceSection(app);
  mountAuditSection(app);
  app.notFound((c) =>
    renderPage(c, {
      title: "Not found",
      active: null,
      status: 404,
      body: <h1>Nothing here</h1>,
    }),
  );
  return app;
}
