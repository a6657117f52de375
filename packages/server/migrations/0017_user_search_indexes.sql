-- Indexes that keep user lists fast at 100,000 users and more (the Backend API's `GET /v1/users`
-- and the console's list): substring search through trigram indexes, and the offered orders and
-- filters through btree indexes they can walk.

-- Substring search (`query=`, ILIKE '%…%') over a user's id, username, external id and name, and
-- over their email addresses and phone numbers, by trigrams (pg_trgm, a trusted extension that
-- PostgreSQL and PGlite both ship). Where it cannot be installed the searches still work, by
-- reading the tables whole.
-- The extension is installed once a database, in `public` (a schema of its own per instance must
-- not own it: dropping that schema would take every other schema's indexes along).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE EXTENSION pg_trgm SCHEMA public;
  END IF;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available (%): user search reads the tables whole', SQLERRM;
END
$$;

DO $$
DECLARE
  ops text;
BEGIN
  SELECT format('%I.gin_trgm_ops', n.nspname) INTO ops
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
  IF ops IS NOT NULL THEN
    -- The expression is the one `store/internal/user-filter-sql.ts` searches (USER_SEARCH_TEXT).
    EXECUTE format($index$
      CREATE INDEX users_search_text_trgm_idx ON users USING gin ((
        id || chr(31) || coalesce(username, '') || chr(31) || coalesce(external_id, '')
          || chr(31) || coalesce(first_name, '') || ' ' || coalesce(last_name, '')
      ) %s)
    $index$, ops);
    EXECUTE format('CREATE INDEX email_addresses_trgm_idx ON email_addresses USING gin (email_address %s)', ops);
    EXECUTE format('CREATE INDEX phone_numbers_trgm_idx ON phone_numbers USING gin (phone_number %s)', ops);
  END IF;
END
$$;

-- Orders: most recently signed in first; by last name.
CREATE INDEX users_last_sign_in_at_idx ON users (last_sign_in_at DESC NULLS LAST, id DESC);
CREATE INDEX users_last_name_idx ON users (lower(last_name), id);

-- Filters: the few banned or locked users, newest first.
CREATE INDEX users_banned_idx ON users (created_at, id) WHERE banned;
CREATE INDEX users_locked_idx ON users (created_at, id) WHERE locked_at IS NOT NULL;
