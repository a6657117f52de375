/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context, Hono } from "hono";
import type { JwtTemplateJson } from "../../../wire/jwt-template-json.js";
import { recordConsoleChange } from "../../console-action.js";
import { describeApiErrors } from "../../console-api.js";
import type { ConsoleEnv } from "../../console-env.js";
import { setFlash } from "../../console-flash.js";
import { formText } from "../../console-form.js";
import { renderPage } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import {
  draftOfTemplate,
  EMPTY_TEMPLATE_DRAFT,
  type JwtTemplateDraft,
  readTemplateDraft,
  templateAuditDetail,
  templateBody,
} from "./jwt-template-draft.js";
import { JwtTemplateForm } from "./jwt-template-form.js";
import { JwtTemplatesListPage } from "./jwt-templates-list-page.js";
import { renderTemplatePreview, type TemplatePreview } from "./render-template-preview.js";
import { templateDeletion } from "./template-deletion.js";

const templatePath = (id: string) => `${CONSOLE_PATH}/jwt-templates/${encodeURIComponent(id)}`;
const apiPath = (id: string) => `/v1/jwt_templates/${encodeURIComponent(id)}`;

interface FormState {
  templateId: string | null;
  /** The form as typed; null: the saved template's. */
  draft: JwtTemplateDraft | null;
  error: string | null;
  preview: TemplatePreview | null;
}

/** The create or edit page of a template, with what was typed, a refusal or a preview. */
async function showTemplateForm(c: Context<ConsoleEnv>, state: FormState): Promise<Response> {
  let saved: JwtTemplateJson | null = null;
  if (state.templateId !== null) {
    const found = await c.get("api")<JwtTemplateJson>("GET", apiPath(state.templateId));
    if (!found.ok) {
      return renderPage(c, {
        title: "JWT template not found",
        active: "jwt-templates",
        status: 404,
        body: <h1>No JWT template {state.templateId}</h1>,
      });
    }
    saved = found.data;
  }
  const draft = state.draft ?? (saved === null ? EMPTY_TEMPLATE_DRAFT : draftOfTemplate(saved));
  const title = saved === null ? "Create JWT template" : `JWT template ${saved.name}`;
  return renderPage(c, {
    title,
    active: "jwt-templates",
    ...(state.error === null ? {} : { status: 422 as const }),
    body: (
      <>
        <p>
          <a href={`${CONSOLE_PATH}/jwt-templates`}>← All JWT templates</a>
        </p>
        <h1>{saved === null ? "Create JWT template" : saved.name}</h1>
        <JwtTemplateForm
          csrfToken={c.get("csrfToken")}
          templateId={saved?.id ?? null}
          draft={draft}
          error={state.error}
          preview={state.preview}
        />
        {saved !== null ? (
          <templateDeletion.Card id={saved.id} csrfToken={c.get("csrfToken")} />
        ) : null}
      </>
    ),
  });
}

/** Creates (`templateId` null) or saves a template from its posted form. */
async function saveTemplate(c: Context<ConsoleEnv>, templateId: string | null): Promise<Response> {
  const form = await c.req.parseBody();
  const draft = readTemplateDraft(form);
  const reshow = (error: string) =>
    showTemplateForm(c, { templateId, draft, error, preview: null });
  const parsed = templateBody(draft, formText(form, "signing_key"));
  if (!parsed.ok) return reshow(parsed.error);
  const result =
    templateId === null
      ? await c.get("api")<JwtTemplateJson>("POST", "/v1/jwt_templates", parsed.body)
      : await c.get("api")<JwtTemplateJson>("PATCH", apiPath(templateId), parsed.body);
  if (!result.ok) return reshow(describeApiErrors(result.errors));
  await recordConsoleChange(
    c,
    templateId === null ? "jwt_template.create" : "jwt_template.update",
    result.data.id,
    templateAuditDetail(parsed.body),
  );
  setFlash(c, {
    kind: "success",
    text: templateId === null ? "Template created." : "Template saved.",
  });
  return c.redirect(templatePath(result.data.id), 303);
}

/**
 * The JWT templates section: list, create, edit (with a live preview of the claims for a user and
 * session), delete; changes through the Backend API, recorded in the audit log.
 */
export function mountJwtTemplatesSection(app: Hono<ConsoleEnv>): void {
  app.get("/jwt-templates", async (c) => {
    const list = await c.get("api")<JwtTemplateJson[]>("GET", "/v1/jwt_templates?limit=500");
    return renderPage(c, {
      title: "JWT templates",
      active: "jwt-templates",
      body: (
        <JwtTemplatesListPage
          templates={list.ok ? list.data : []}
          error={list.ok ? null : describeApiErrors(list.errors)}
        />
      ),
    });
  });

  app.get("/jwt-templates/new", (c) =>
    showTemplateForm(c, { templateId: null, draft: null, error: null, preview: null }),
  );
  app.post("/jwt-templates/new", (c) => saveTemplate(c, null));

  // As you type (the console script asks for JSON), or with the Preview button (the page again).
  app.post("/jwt-templates/preview", async (c) => {
    const form = await c.req.parseBody();
    const draft = readTemplateDraft(form);
    const setup = c.get("setup");
    const preview = await renderTemplatePreview(
      setup.services.store,
      c.get("api"),
      setup.publicUrl ?? new URL(c.req.url).origin,
      { claims: draft.claims, user: draft.previewUser, sessionId: draft.previewSession },
    );
    if (c.req.header("accept")?.includes("application/json")) return c.json(preview);
    const templateId = formText(form, "template_id");
    return showTemplateForm(c, {
      templateId: templateId === "" ? null : templateId,
      draft,
      error: null,
      preview,
    });
  });

  app.get("/jwt-templates/:id", (c) =>
    showTemplateForm(c, { templateId: c.req.param("id"), draft: null, error: null, preview: null }),
  );
  app.post("/jwt-templates/:id", (c) => saveTemplate(c, c.req.param("id")));

  templateDeletion.mount(app);
}
