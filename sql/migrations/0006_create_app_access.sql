-- Access control (issue 5, ADR 007): users, their communes, server-side sessions, API tokens,
-- login attempts (rate limiting) and the append-only audit log. Secrets are never stored in the
-- clear: passwords as self-describing scrypt hashes, session ids and API tokens as SHA-256 hashes.

-- grain: one row per person (or demo identity) who can sign in; source: the users CLI, demo mode.
create table app.user (
  id bigint generated always as identity primary key,
  username text not null check (username ~ '^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$'),
  password_hash text not null check (password_hash like '$scrypt$%'),
  role text not null check (role in ('admin', 'leader', 'secretary', 'analyst')),
  -- Demo identities (demo-<role>) work only while demo mode is on.
  demo boolean not null default false,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  password_changed_at timestamptz not null default now()
);
create unique index user_username_lower_idx on app.user (lower(username));

-- grain: one row per user × commune the user is bound to (secretaries); source: the users CLI.
create table app.user_commune (
  user_id bigint not null references app.user (id) on delete cascade,
  commune_code text not null references ref.commune (code),
  primary key (user_id, commune_code)
);

-- grain: one row per sign-in; id is the SHA-256 (hex) of the random token held in the cookie.
create table app.session (
  id text primary key check (id ~ '^[0-9a-f]{64}$'),
  user_id bigint not null references app.user (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  ip text,
  user_agent text
);
create index session_user_idx on app.session (user_id) where revoked_at is null;

-- grain: one row per API token issued; token_hash is the SHA-256 (hex) of the token.
create table app.api_token (
  id bigint generated always as identity primary key,
  user_id bigint not null references app.user (id) on delete cascade,
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  label text,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_token_user_idx on app.api_token (user_id);

-- grain: one row per password sign-in attempt; source: the login action. Read by the rate limiter
-- (per account by lower(username), per client address) and pruned after a day.
create table app.login_attempt (
  id bigint generated always as identity primary key,
  username text not null,
  address text,
  at timestamptz not null default now(),
  success boolean not null
);
create index login_attempt_username_idx on app.login_attempt (lower(username), at);
create index login_attempt_address_idx on app.login_attempt (address, at);

-- grain: one row per security-relevant event (sign-ins, imports, user and token changes,
-- downloads); source: the app and the CLIs. Append-only: the trigger below refuses changes.
create table app.audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_user_id bigint,
  actor_username text,
  actor_role text,
  action text not null check (action ~ '^[a-z_]+(\.[a-z_]+)*$'),
  target text,
  details jsonb not null default '{}'::jsonb,
  address text
);
create index audit_log_action_idx on app.audit_log (action, id);

create function app.audit_log_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'app.audit_log is append-only (% refused)', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_no_update_delete
  before update or delete on app.audit_log
  for each row execute function app.audit_log_refuse_change();
create trigger audit_log_no_truncate
  before truncate on app.audit_log
  for each statement execute function app.audit_log_refuse_change();
