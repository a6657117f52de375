-- Organizations, their memberships and invitations, and application (sign-up) invitations.
-- Timestamps are epoch milliseconds (bigint). Uniqueness that must hold under concurrency lives
-- here: one slug per instance, one membership per (organization, user), one pending invitation
-- per (organization, email address). Member and invitation counts are computed, never stored.

CREATE TABLE organizations (
  id text PRIMARY KEY,
  name text NOT NULL,
  slug text NOT NULL,
  -- 0 means unlimited.
  max_allowed_memberships integer NOT NULL DEFAULT 0,
  admin_delete_enabled boolean NOT NULL DEFAULT true,
  public_metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  private_metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by text,
  role_set_key text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE UNIQUE INDEX organizations_slug_key ON organizations (slug);
CREATE INDEX organizations_created_at_idx ON organizations (created_at, id);

CREATE TABLE organization_memberships (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL,
  public_metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  private_metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE UNIQUE INDEX organization_memberships_org_user_key
  ON organization_memberships (organization_id, user_id);
CREATE INDEX organization_memberships_user_idx ON organization_memberships (user_id, created_at);

-- `status` is stored as pending | accepted | revoked | expired; a pending row past `expires_at`
-- is reported as expired and is marked so before a new invitation for the same address is made.
CREATE TABLE organization_invitations (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  email_address text NOT NULL,
  role text NOT NULL,
  status text NOT NULL,
  inviter_user_id text REFERENCES users (id) ON DELETE SET NULL,
  accepted_user_id text REFERENCES users (id) ON DELETE SET NULL,
  public_metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  private_metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  redirect_url text,
  expires_at bigint,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE UNIQUE INDEX organization_invitations_pending_key
  ON organization_invitations (organization_id, lower(email_address))
  WHERE status = 'pending';
CREATE INDEX organization_invitations_org_idx ON organization_invitations (organization_id, created_at);
CREATE INDEX organization_invitations_email_idx ON organization_invitations (lower(email_address));

-- Application invitations. Several pending ones for one address may exist (`ignore_existing`),
-- so duplicates are refused by the store under an advisory lock on the address, not by an index.
CREATE TABLE invitations (
  id text PRIMARY KEY,
  email_address text NOT NULL,
  status text NOT NULL,
  public_metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  redirect_url text,
  notify boolean NOT NULL DEFAULT true,
  accepted_user_id text REFERENCES users (id) ON DELETE SET NULL,
  expires_at bigint,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);

CREATE INDEX invitations_email_idx ON invitations (lower(email_address));
CREATE INDEX invitations_created_at_idx ON invitations (created_at, id);
