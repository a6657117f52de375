/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { CUSTOM_SIGNING_ALGORITHMS } from "../../../store/jwt-template-store.js";
import { CsrfField } from "../../console-page.js";
import { CONSOLE_PATH } from "../../console-setup.js";
import type { JwtTemplateDraft } from "./jwt-template-draft.js";
import type { TemplatePreview } from "./render-template-preview.js";

/** Where the preview is rendered (the console script posts the form there as you type). */
export const TEMPLATE_PREVIEW_PATH = `${CONSOLE_PATH}/jwt-templates/preview`;

function PreviewFields(props: { draft: JwtTemplateDraft; preview: TemplatePreview | null }) {
  const { preview } = props;
  const sessions = preview?.sessions ?? [];
  return (
    <fieldset class="stack">
      <legend>Live preview</legend>
      <p class="muted">
        The claims this template renders for a user and one of their active sessions, with the
        claims as typed (not yet saved). Nothing is signed: no token is made.
      </p>
      <label for="preview_user">User (user id or email address)</label>
      <input
        id="preview_user"
        name="preview_user"
        type="text"
        autocomplete="off"
        value={props.draft.previewUser}
      />
      <label for="preview_session">Session</label>
      <select id="preview_session" name="preview_session">
        <option value="">Newest active session</option>
        {sessions.map((session) => (
          <option value={session.id} selected={session.id === preview?.sessionId}>
            {session.label}
          </option>
        ))}
      </select>
      <button
        type="submit"
        class="button secondary"
        formaction={TEMPLATE_PREVIEW_PATH}
        formnovalidate
      >
        Preview
      </button>
      <div aria-live="polite" id="preview-result">
        <p class="json-error" id="preview-error" role="status">
          {preview !== null && !preview.ok ? preview.error : ""}
        </p>
        <h3 id="preview-heading">Rendered claims</h3>
        <pre class="json" id="preview-output">
          {preview?.ok ? JSON.stringify(preview.claims, null, 2) : "—"}
        </pre>
        <p class="muted">
          When a token is minted the server adds <code>iss</code>, <code>sub</code>,{" "}
          <code>iat</code>, <code>nbf</code>, <code>exp</code>, <code>jti</code> and{" "}
          <code>azp</code>.
        </p>
      </div>
    </fieldset>
  );
}

/**
 * The form of a JWT template (create or edit): name, claims as JSON, lifetime, allowed clock
 * skew, an optional signing key of its own, and the live preview of the claims it renders.
 */
export function JwtTemplateForm(props: {
  csrfToken: string;
  /** The saved template's id; null for a new one. */
  templateId: string | null;
  draft: JwtTemplateDraft;
  /** The API's refusal (or a claims text that is not a JSON object), when re-shown. */
  error: string | null;
  preview: TemplatePreview | null;
}) {
  const { draft, templateId } = props;
  const action =
    templateId === null
      ? `${CONSOLE_PATH}/jwt-templates/new`
      : `${CONSOLE_PATH}/jwt-templates/${encodeURIComponent(templateId)}`;
  return (
    <form
      method="post"
      action={action}
      class="stack card"
      data-json-form
      data-template-preview={TEMPLATE_PREVIEW_PATH}
    >
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="template_id" value={templateId ?? ""} />
      {props.error !== null ? (
        <p class="flash error" role="alert" id="template-error">
          {props.error}
        </p>
      ) : null}
      <label for="name">Name</label>
      <input id="name" name="name" type="text" autocomplete="off" value={draft.name} />
      <label for="claims">Claims (JSON; shortcodes such as {"{{user.id}}"})</label>
      <textarea id="claims" name="claims" rows={12} spellcheck={false} data-json>
        {draft.claims}
      </textarea>
      <label for="lifetime">Lifetime (seconds, 30 to 315,360,000)</label>
      <input
        id="lifetime"
        name="lifetime"
        type="number"
        inputmode="numeric"
        value={draft.lifetime}
      />
      <label for="allowed_clock_skew">Allowed clock skew (seconds, 0 to 300)</label>
      <input
        id="allowed_clock_skew"
        name="allowed_clock_skew"
        type="number"
        inputmode="numeric"
        value={draft.allowedClockSkew}
      />
      <fieldset class="stack">
        <legend>Signing</legend>
        <label class="check">
          <input
            type="checkbox"
            name="custom_signing_key"
            value="true"
            checked={draft.customSigningKey}
          />{" "}
          Sign with this template's own key (otherwise the instance's RS256 key)
        </label>
        <label for="signing_algorithm">Algorithm of the template's key</label>
        <select id="signing_algorithm" name="signing_algorithm">
          {CUSTOM_SIGNING_ALGORITHMS.map((algorithm) => (
            <option value={algorithm} selected={algorithm === draft.signingAlgorithm}>
              {algorithm}
            </option>
          ))}
        </select>
        <label for="signing_key">
          Signing key (a shared secret for HS*, a PEM RSA private key for RS*
          {templateId === null ? "" : "; leave empty to keep the stored key"})
        </label>
        <textarea
          id="signing_key"
          name="signing_key"
          rows={4}
          spellcheck={false}
          autocomplete="off"
        />
      </fieldset>
      <PreviewFields draft={draft} preview={props.preview} />
      <button type="submit" class="button primary">
        {templateId === null ? "Create template" : "Save template"}
      </button>
    </form>
  );
}
