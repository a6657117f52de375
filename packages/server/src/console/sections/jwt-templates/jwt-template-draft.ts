import type { JwtTemplateJson } from "../../../wire/jwt-template-json.js";
import { type ConsoleForm, formText, parseJsonObject } from "../../console-form.js";

/** A template form as typed (the signing key is never shown again, so it is not kept). */
export interface JwtTemplateDraft {
  name: string;
  claims: string;
  lifetime: string;
  allowedClockSkew: string;
  customSigningKey: boolean;
  signingAlgorithm: string;
  /** The preview's user (id or email) and session. */
  previewUser: string;
  previewSession: string;
}

/** The form of a new template. */
export const EMPTY_TEMPLATE_DRAFT: JwtTemplateDraft = {
  name: "",
  claims: "{\n  \n}",
  lifetime: "60",
  allowedClockSkew: "5",
  customSigningKey: false,
  signingAlgorithm: "HS256",
  previewUser: "",
  previewSession: "",
};

/** The form of a saved template. */
export function draftOfTemplate(template: JwtTemplateJson): JwtTemplateDraft {
  return {
    ...EMPTY_TEMPLATE_DRAFT,
    name: template.name,
    claims: JSON.stringify(template.claims, null, 2),
    lifetime: String(template.lifetime),
    allowedClockSkew: String(template.allowed_clock_skew),
    customSigningKey: template.custom_signing_key,
    signingAlgorithm: template.custom_signing_key ? template.signing_algorithm : "HS256",
  };
}

/** A posted template form. */
export function readTemplateDraft(form: ConsoleForm): JwtTemplateDraft {
  return {
    name: formText(form, "name"),
    claims: formText(form, "claims"),
    lifetime: formText(form, "lifetime").trim(),
    allowedClockSkew: formText(form, "allowed_clock_skew").trim(),
    customSigningKey: formText(form, "custom_signing_key") === "true",
    signingAlgorithm: formText(form, "signing_algorithm"),
    previewUser: formText(form, "preview_user").trim(),
    previewSession: formText(form, "preview_session").trim(),
  };
}

/** A number field: a number when it reads as one, else the text (for the API to refuse). */
const numberField = (text: string): number | string =>
  /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;

/**
 * The `POST /v1/jwt_templates` / `PATCH /v1/jwt_templates/{id}` body of a form: claims parsed as
 * a JSON object (the one check made here, since the API takes JSON), everything else as typed
 * for the API to validate. An empty signing key is left out (the API keeps the stored one).
 */
export function templateBody(
  draft: JwtTemplateDraft,
  signingKey: string,
): { ok: true; body: Record<string, unknown> } | { ok: false; error: string } {
  const claims = parseJsonObject(draft.claims, "claims");
  if (!claims.ok) return claims;
  const body: Record<string, unknown> = {
    name: draft.name,
    claims: claims.value,
    custom_signing_key: draft.customSigningKey,
  };
  if (draft.lifetime !== "") body.lifetime = numberField(draft.lifetime);
  if (draft.allowedClockSkew !== "") body.allowed_clock_skew = numberField(draft.allowedClockSkew);
  if (draft.customSigningKey) {
    body.signing_algorithm = draft.signingAlgorithm;
    if (signingKey !== "") body.signing_key = signingKey;
  }
  return { ok: true, body };
}

/** What the audit log records of a template change (never the signing key). */
export function templateAuditDetail(body: Record<string, unknown>): Record<string, unknown> {
  return {
    name: body.name,
    custom_signing_key: body.custom_signing_key,
    ...(body.custom_signing_key ? { signing_algorithm: body.signing_algorithm } : {}),
    signing_key_changed: body.signing_key !== undefined,
  };
}
