/** The JWT-template part of the {@link Store}. */

/** Algorithms a template with its own signing key may use. */
export const CUSTOM_SIGNING_ALGORITHMS = [
  "HS256",
  "HS384",
  "HS512",
  "RS256",
  "RS384",
  "RS512",
] as const;

export type TemplateSigningAlgorithm = (typeof CUSTOM_SIGNING_ALGORITHMS)[number];

/** What a template is made of, as stored and as answered (its signing key aside). */
export interface JwtTemplateSettings {
  name: string;
  claims: Record<string, unknown>;
  /** Token lifetime in seconds. */
  lifetime: number;
  /** Allowed clock skew in seconds (also the `nbf` back-dating). */
  allowedClockSkew: number;
  customSigningKey: boolean;
  signingAlgorithm: string;
}

/** A JWT template. Its custom signing key is deliberately absent (see {@link JwtTemplateStore.getJwtTemplateSigningKey}). */
export interface JwtTemplateRecord extends JwtTemplateSettings {
  id: string;
  createdAt: number;
  updatedAt: number;
}

/** A template's full settings, as created or replaced. */
export interface JwtTemplateInput extends JwtTemplateSettings {
  /**
   * The custom signing key (HMAC secret or PEM private key). On update, `undefined` keeps the
   * stored one.
   */
  signingKey?: string | null;
}

export interface JwtTemplateStore {
  /** @throws `form_identifier_exists` (`name`) when the name is taken */
  createJwtTemplate(input: JwtTemplateInput): Promise<JwtTemplateRecord>;
  getJwtTemplate(templateId: string): Promise<JwtTemplateRecord | null>;
  getJwtTemplateByName(name: string): Promise<JwtTemplateRecord | null>;
  /** Oldest first. */
  listJwtTemplates(page: { limit: number; offset: number }): Promise<JwtTemplateRecord[]>;
  countJwtTemplates(): Promise<number>;
  /**
   * Replaces a template's settings.
   * @throws `resource_not_found` (`template_id`), `form_identifier_exists` (`name`)
   */
  updateJwtTemplate(templateId: string, input: JwtTemplateInput): Promise<JwtTemplateRecord>;
  /** @returns false when there was no such template */
  deleteJwtTemplate(templateId: string): Promise<boolean>;
  /** The template's custom signing key, or null. Server-side only. */
  getJwtTemplateSigningKey(templateId: string): Promise<string | null>;
}
