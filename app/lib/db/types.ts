// Row types for Kysely, one interface per table, snake_case as in sql/migrations/.
// Engines are configured (db/engine-*.server.ts) so both return the same JS types:
// int8 and numeric → number, date and timestamp → string ('YYYY-MM-DD', 'YYYY-MM-DD HH:MM:SS'),
// timestamptz → Date.
import type { ColumnType, Generated } from "kysely";

type Json = unknown;
type NullableTimestamptz = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
/** A timestamptz with a database default (now()). */
type DefaultTimestamptz = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ProvinceTable {
  code: string;
  name: string;
  name_en: string;
  full_name: string;
  unit_type: "tinh" | "thanh_pho";
  n_units: number;
  area_km2: number | null;
  population: number | null;
  formed_from: string;
}

export type UnitType = "phuong" | "xa" | "dac_khu";
export type PopulationQuality = "ok" | "suspect_lt_1000" | "suspect_noted" | "missing";

export interface CommuneTable {
  code: string;
  province_code: string;
  name: string;
  name_ascii: string;
  full_name: string;
  full_name_en: string;
  unit_type: UnitType;
  area_km2: number | null;
  area_km2_geom: number | null;
  area_check: string;
  population: number | null;
  population_quality: PopulationQuality;
  formed_from: string;
  admin_center_note: string | null;
}

export interface CommunePredecessorTable {
  commune_code: string;
  old_name: string;
  old_unit_type: string | null;
  old_base_name: string;
  old_qualifier: string | null;
  partial: boolean;
}

export interface EthnicGroupTable {
  code: string;
  code_1979: string;
  name_vi: string;
  name_en: string;
  name_en_alt: string | null;
  name_variants: string;
  language_group_vi: string;
  language_group_en: string;
  is_majority: boolean;
}

export interface ProcedureTable {
  code: string;
  name: string;
  ministry: string | null;
  field: string | null;
  commune_level: boolean;
  channel_online: boolean;
  procedure_group: string;
  label_vi: string | null;
  label_en: string | null;
  is_common: boolean;
}

export interface PopulationProfileTable {
  commune_code: string;
  year: number;
  population_total: number;
  population_minority: number;
  population_elderly: number;
  population_female: number;
  row_hash: string;
  batch_id: number;
  source_line: number;
}

export type ImportKind = "assistance" | "shifts" | "dossiers" | "population";
export type BatchStatus = "running" | "loaded" | "rejected" | "reverted" | "failed";

export interface ImportBatchTable {
  batch_id: Generated<number>;
  kind: ImportKind;
  file_name: string;
  /** The workbook sheet read; null for a CSV (migration 0030). */
  sheet: ColumnType<string | null, string | null | undefined, string | null>;
  rows_skipped: ColumnType<Json, string | undefined, string>;
  file_sha256: string;
  file_bytes: number;
  loaded_by: string;
  status: BatchStatus;
  options: ColumnType<Json, string | undefined, string>;
  rows_read: Generated<number>;
  rows_inserted: Generated<number>;
  rows_updated: Generated<number>;
  rows_unchanged: Generated<number>;
  rows_rejected: Generated<number>;
  warnings: ColumnType<Json, string | undefined, string>;
  dropped_columns: ColumnType<string[], string[] | undefined, string[]>;
  replaced: ColumnType<Json, string | undefined, string>;
  timings: ColumnType<Json, string | undefined, string>;
  error: string | null;
  started_at: DefaultTimestamptz;
  finished_at: NullableTimestamptz;
  reverted_at: NullableTimestamptz;
}

export interface RejectedRowTable {
  batch_id: number;
  line: number;
  column_name: string | null;
  reason_code: string;
  message_vi: string;
  message_en: string;
  raw: ColumnType<Json, string, string>;
}

export type HelpType = "guidance" | "form_filling" | "vneid" | "scanning" | "payment" | "other";
export type Channel = "online" | "in_person";
export type Outcome = "submitted" | "completed" | "not_completed";
export type AgeBand = "under_18" | "18_34" | "35_59" | "60_plus" | "unknown";
export type Gender = "female" | "male" | "other" | "unknown";

export interface AssistanceTable {
  record_id: string;
  assisted_at: string;
  commune_code: string;
  team: string;
  /** Null when the file had no volunteer column (issue 11): not counted as an active volunteer. */
  volunteer_id: string | null;
  procedure_code: string;
  help_type: HelpType;
  channel: Channel;
  outcome: Outcome;
  age_band: AgeBand;
  gender: Gender;
  ethnic_code: string | null;
  minutes: number;
  /** Labels no vocabulary entry knew, by field, counted in a catch-all bucket until mapped. */
  source_labels: Partial<Record<"help_type" | "gender" | "ethnicity" | "procedure", string>> | null;
  row_hash: string;
  batch_id: number;
  source_line: number;
}

export interface VolunteerShiftTable {
  shift_id: string;
  /** Null when the file had no volunteer column (issue 11): not counted as an active volunteer. */
  volunteer_id: string | null;
  team: string;
  commune_code: string;
  shift_date: string;
  start_time: string | null;
  end_time: string | null;
  hours: number;
  row_hash: string;
  batch_id: number;
  source_line: number;
}

export interface DossierStatTable {
  commune_code: string;
  month: string;
  procedure_code: string;
  received_total: number;
  received_online: number;
  resolved_total: number | null;
  resolved_on_time: number | null;
  row_hash: string;
  batch_id: number;
  source_line: number;
}

export interface BatchChangeTable {
  batch_id: number;
  target: "assistance" | "volunteer_shift" | "dossier_stat" | "population_profile";
  row_key: string;
  op: "insert" | "update";
  prior: Json | null;
}

/** mart.commune_month: the analysts' contract (docs/metrics.md). */
export interface CommuneMonthTable {
  commune_code: string;
  commune_name: string;
  unit_type: UnitType;
  month: string;
  cases: number;
  cases_online: number;
  cases_completed: number;
  cases_not_completed: number;
  cases_vneid: number;
  cases_minority: number;
  cases_elderly: number;
  cases_female: number;
  cases_ethnicity_unknown: number;
  volunteer_hours: number;
  volunteers_active: number;
  dossiers_total: number;
  dossiers_online: number;
  online_uptake: number | null;
  assisted_online_share: number | null;
  completion_rate: number | null;
}

export interface RefreshStateTable {
  province_code: string;
  first_month: string | null;
  last_month: string | null;
  refreshed_at: DefaultTimestamptz;
  last_batch_id: number | null;
}

export interface DatasetTable {
  name: string;
  checksum: string;
  row_count: number;
  loaded_at: DefaultTimestamptz;
}

export interface SchemaMigrationTable {
  version: string;
  checksum: string;
  applied_at: DefaultTimestamptz;
}

export type UserRole = "admin" | "leader" | "secretary" | "analyst";

export interface UserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: UserRole;
  demo: Generated<boolean>;
  disabled_at: NullableTimestamptz;
  created_at: DefaultTimestamptz;
  password_changed_at: DefaultTimestamptz;
}

export interface UserCommuneTable {
  user_id: number;
  commune_code: string;
}

export interface SessionTable {
  /** SHA-256 (hex) of the cookie's token. */
  id: string;
  user_id: number;
  created_at: DefaultTimestamptz;
  last_seen_at: DefaultTimestamptz;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  revoked_at: NullableTimestamptz;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  label: string | null;
  created_at: DefaultTimestamptz;
  last_used_at: NullableTimestamptz;
  revoked_at: NullableTimestamptz;
}

export interface AuthBudgetTable {
  key: string;
  window_started_at: DefaultTimestamptz;
  attempts: Generated<number>;
  refused: Generated<number>;
  last_allowed: Generated<boolean>;
  previous_refused: Generated<number>;
  previous_window_started_at: Date | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: DefaultTimestamptz;
  actor_user_id: number | null;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  target: string | null;
  details: ColumnType<Json, string | undefined, never>;
  address: string | null;
}

export interface DB {
  "ref.province": ProvinceTable;
  "ref.commune": CommuneTable;
  "ref.commune_predecessor": CommunePredecessorTable;
  "ref.ethnic_group": EthnicGroupTable;
  "ref.procedure": ProcedureTable;
  "ref.population_profile": PopulationProfileTable;
  "ref.dataset": DatasetTable;
  "core.import_batch": ImportBatchTable;
  "core.rejected_row": RejectedRowTable;
  "core.assistance": AssistanceTable;
  "core.volunteer_shift": VolunteerShiftTable;
  "core.dossier_stat": DossierStatTable;
  "core.batch_change": BatchChangeTable;
  "mart.commune_month": CommuneMonthTable;
  "mart.refresh_state": RefreshStateTable;
  "app.schema_migration": SchemaMigrationTable;
  "app.user": UserTable;
  "app.user_commune": UserCommuneTable;
  "app.session": SessionTable;
  "app.api_token": ApiTokenTable;
  "app.auth_budget": AuthBudgetTable;
  "app.audit_log": AuditLogTable;
}
