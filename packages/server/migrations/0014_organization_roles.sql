-- Organization roles and permissions of the instance, as Clerk keeps them: a role (`role_…`) has a
-- unique key (`org:<name>`) and grants permissions (`perm_…`, key `org:<feature>:<action>`).
-- Memberships and invitations name their role by key. The two system roles (`org:admin`,
-- `org:member`) and Clerk's system permissions (`org:sys_…`) are always present: the flows refuse
-- to delete them or change their keys. `seq` keeps the order rows were made in (a role's
-- permissions are listed, and encoded in session tokens, in that order).

CREATE TABLE organization_permissions (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  key text NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  -- system | user
  type text NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE UNIQUE INDEX organization_permissions_key_key ON organization_permissions (key);

CREATE TABLE organization_roles (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  key text NOT NULL,
  name text NOT NULL,
  description text,
  system boolean NOT NULL DEFAULT false,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE UNIQUE INDEX organization_roles_key_key ON organization_roles (key);

CREATE TABLE organization_role_permissions (
  role_id text NOT NULL REFERENCES organization_roles (id) ON DELETE CASCADE,
  permission_id text NOT NULL REFERENCES organization_permissions (id) ON DELETE CASCADE,
  PRIMARY KEY (role_id, permission_id)
);
CREATE INDEX organization_role_permissions_permission_idx
  ON organization_role_permissions (permission_id);

-- Memberships and invitations are looked up by role key when a role is deleted or renamed.
CREATE INDEX organization_memberships_role_idx ON organization_memberships (role);
CREATE INDEX organization_invitations_role_idx ON organization_invitations (role);

-- The system permissions and roles, built in from the first start (created_at 0), with the ids
-- the Frontend API has answered for them so far.
INSERT INTO organization_permissions (id, key, name, type, created_at, updated_at) VALUES
  ('perm_org_sys_profile_manage', 'org:sys_profile:manage', 'Manage organization', 'system', 0, 0),
  ('perm_org_sys_profile_delete', 'org:sys_profile:delete', 'Delete organization', 'system', 0, 0),
  ('perm_org_sys_memberships_read', 'org:sys_memberships:read', 'Read members', 'system', 0, 0),
  ('perm_org_sys_memberships_manage', 'org:sys_memberships:manage', 'Manage members', 'system', 0, 0),
  ('perm_org_sys_domains_read', 'org:sys_domains:read', 'Read domains', 'system', 0, 0),
  ('perm_org_sys_domains_manage', 'org:sys_domains:manage', 'Manage domains', 'system', 0, 0);

INSERT INTO organization_roles (id, key, name, description, system, created_at, updated_at) VALUES
  ('role_org_admin', 'org:admin', 'Admin', 'Role with elevated permissions', true, 0, 0),
  ('role_org_member', 'org:member', 'Member', 'Role with non-elevated permissions', true, 0, 0);

INSERT INTO organization_role_permissions (role_id, permission_id)
  SELECT 'role_org_admin', id FROM organization_permissions
  UNION ALL
  SELECT 'role_org_member', 'perm_org_sys_memberships_read';
