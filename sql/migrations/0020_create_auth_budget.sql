-- grain: one row per rate-limited key and its current window — `account:<lower username>` and
-- `address:<client address>` for password sign-ins, `token:<client address>` for bearer-token
-- failures; source: the login action and the API's token check (ADR 012). An attempt is counted by
-- one INSERT … ON CONFLICT DO UPDATE *before* the password is checked, so parallel attempts
-- cannot all slip under the limit; attempts refused without a check only bump `refused`, and the
-- audit log gets one row when a burst starts and one summary when its window ends.
create table app.auth_budget (
  key text primary key,
  window_started_at timestamptz not null default now(),
  attempts integer not null default 0,
  refused integer not null default 0,
  -- Whether the latest attempt was counted (and may be checked) rather than refused.
  last_allowed boolean not null default true,
  -- The refusals of the window that just ended, for its summary row in the audit log.
  previous_refused integer not null default 0,
  previous_window_started_at timestamptz
);
create index auth_budget_window_idx on app.auth_budget (window_started_at);

-- The per-attempt history this replaces could not be counted atomically (ADR 012).
drop table app.login_attempt;
