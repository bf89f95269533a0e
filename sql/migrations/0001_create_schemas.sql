-- Layers, after dbt's: ref (reference data) → staging (one batch, typed) → core (facts at their
-- natural grain) → mart (rollups the app reads) → app (users, sessions, audit).
create schema if not exists ref;
create schema if not exists staging;
create schema if not exists core;
create schema if not exists mart;
create schema if not exists app;
