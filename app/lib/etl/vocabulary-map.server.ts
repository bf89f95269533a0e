// An admin teaches the importer a word (issue 11): `etl map …` or the quality page's form. One
// transaction under the import lock records the entry in ref.vocabulary and in the audit log and,
// for a label that was counted in a catch-all bucket, re-derives every row that carries it and the
// mart months those rows count in — the result equals a fresh import with the mapping in place.
// Rows quarantined for the word (an unknown commune, a channel) are not touched here: `etl replay`
// loads them, so the admin sees what a mapping would load before it does.
import type { SqlEngine, SqlSession } from "~/lib/db/engine";
import { withTransaction } from "~/lib/db/engine";
import type { AssistanceTable } from "~/lib/db/types";
import { refreshCommuneMonth } from "~/lib/marts/refresh-commune-month.server";
import { CANONICAL_FIELDS, IMPORT_KINDS, type ImportKind } from "./fields";
import { MASK } from "./read/pii";
import { assistanceBusinessFields, sourceLabelsJson } from "./rows/parse-assistance-row";
import { deriveId, hashFields } from "./rows/row-context";
import {
  BUCKETED_KINDS,
  fixedTargets,
  vocabularyKey,
  type BucketedKind,
  type VocabularyKind,
} from "./vocabulary";

export interface MappingInput {
  kind: VocabularyKind;
  alias: string;
  target: string;
  /** Header: the import kind; commune: the province (default: provinceCode); else ignored. */
  scope?: string;
  provinceCode: string;
  addedBy: string;
  /** For the audit log: the acting user (null from the CLI) and the client's address. */
  actor?: { user_id: number; username: string; role: string } | null;
  address?: string | null;
}

export interface MappingSummary {
  kind: VocabularyKind;
  scope: string;
  alias: string;
  target: string;
  status: "added" | "already_mapped";
  /** Rows counted in a bucket under this label, now re-derived. */
  rows_rederived: number;
  months: string[];
}

export class MappingError extends Error {
  constructor(
    readonly code:
      "alias_empty" | "alias_masked" | "target_invalid" | "alias_taken" | "scope_invalid",
    readonly message_vi: string,
    readonly message_en: string,
  ) {
    super(message_en);
  }
}

async function checkTarget(
  session: SqlSession,
  kind: VocabularyKind,
  scope: string,
  target: string,
) {
  const invalid = (allowed: string) =>
    new MappingError(
      "target_invalid",
      `"${target}" không phải là giá trị hợp lệ cho ${kind}. ${allowed}`,
      `"${target}" is not a valid ${kind} value. ${allowed}`,
    );
  if (kind === "header") {
    const fields: readonly string[] = CANONICAL_FIELDS[scope as ImportKind];
    if (!fields.includes(target)) throw invalid(`(${fields.join(", ")})`);
    return;
  }
  const fixed = fixedTargets(kind);
  if (fixed) {
    if (!fixed.includes(target)) throw invalid(`(${fixed.join(", ")})`);
    return;
  }
  const lookups: Record<"ethnicity" | "procedure" | "commune", [string, unknown[]]> = {
    ethnicity: ["select 1 from ref.ethnic_group where code = $1", [target]],
    procedure: ["select 1 from ref.procedure where code = $1", [target]],
    commune: ["select 1 from ref.commune where code = $1 and province_code = $2", [target, scope]],
  };
  const [text, params] = lookups[kind as "ethnicity" | "procedure" | "commune"];
  const { rows } = await session.query(text, params);
  if (rows.length === 0)
    throw invalid(
      kind === "commune"
        ? `Dùng mã xã 5 số của tỉnh ${scope}. / Use a 5-digit commune code of province ${scope}.`
        : "",
    );
}

export async function addMapping(engine: SqlEngine, input: MappingInput): Promise<MappingSummary> {
  const alias = input.alias.normalize("NFC").trim();
  const key = vocabularyKey(input.kind, alias);
  if (key === "")
    throw new MappingError(
      "alias_empty",
      "Nhãn cần ánh xạ đang trống.",
      "The label to map is empty.",
    );
  // A label stored masked stands for many different values: mapping it would map them all.
  if (alias.includes(MASK))
    throw new MappingError(
      "alias_masked",
      `Nhãn "${alias}" đã được che vì có dạng dữ liệu cá nhân; không thể ánh xạ nhãn đã che.`,
      `"${alias}" was masked because it looks like personal data; a masked label cannot be mapped.`,
    );
  const scope =
    input.kind === "header"
      ? (input.scope ?? "")
      : input.kind === "commune"
        ? (input.scope ?? input.provinceCode)
        : "";
  if (input.kind === "header" && !(IMPORT_KINDS as readonly string[]).includes(scope))
    throw new MappingError(
      "scope_invalid",
      `Ánh xạ tiêu đề cột cần loại tệp (${IMPORT_KINDS.join(", ")}).`,
      `A header mapping needs the file kind (${IMPORT_KINDS.join(", ")}).`,
    );
  return withTransaction(
    engine,
    async (session) => {
      await session.query("set local statement_timeout = 0");
      await session.query("select pg_advisory_xact_lock(7068, 1)");
      await checkTarget(session, input.kind, scope, input.target);
      const existing = await session.query<{ target: string; alias: string; origin: string }>(
        "select target, alias, origin from ref.vocabulary where kind = $1 and scope = $2 and alias_key = $3",
        [input.kind, scope, key],
      );
      const summary: MappingSummary = {
        kind: input.kind,
        scope,
        alias,
        target: input.target,
        status: "added",
        rows_rederived: 0,
        months: [],
      };
      const found = existing.rows[0];
      if (found && found.target !== input.target)
        throw new MappingError(
          "alias_taken",
          `"${alias}" đã được hiểu là "${found.target}" (${found.origin === "seed" ? "danh mục có sẵn" : "do quản trị viên thêm"}); không ánh xạ lại.`,
          `"${alias}" already means "${found.target}" (${found.origin === "seed" ? "built-in" : "added by an admin"}); not remapped.`,
        );
      if (found) summary.status = "already_mapped";
      else {
        await session.query(
          `insert into ref.vocabulary (kind, scope, alias_key, alias, target, origin, added_by)
           values ($1, $2, $3, $4, $5, 'admin', $6)`,
          [input.kind, scope, key, alias, input.target, input.addedBy],
        );
      }
      if ((BUCKETED_KINDS as readonly string[]).includes(input.kind)) {
        const months = await rederiveBucketed(
          session,
          input.kind as BucketedKind,
          key,
          input.target,
        );
        summary.rows_rederived = months.rows;
        summary.months = months.months;
        for (const [province, list] of months.byProvince)
          await refreshCommuneMonth(session, province, list, null);
      }
      await session.query(
        `insert into app.audit_log (actor_user_id, actor_username, actor_role, action, target, details, address)
         values ($1, $2, $3, 'vocabulary.map', $4, $5::jsonb, $6)`,
        [
          input.actor?.user_id ?? null,
          input.actor?.username ?? input.addedBy,
          input.actor?.role ?? null,
          `${input.kind}:${alias}`,
          JSON.stringify({
            kind: input.kind,
            scope,
            alias,
            target: input.target,
            status: summary.status,
            rows_rederived: summary.rows_rederived,
          }),
          input.address ?? null,
        ],
      );
      return summary;
    },
    { activity: "import" },
  );
}

type LabelledRow = Omit<AssistanceTable, "source_labels"> & {
  source_labels: Partial<Record<BucketedKind, string>>;
  province_code: string;
};

/** Rows whose kept label now has a meaning: new value, labels, hash and (derived) id. */
async function rederiveBucketed(
  session: SqlSession,
  kind: BucketedKind,
  key: string,
  target: string,
): Promise<{ rows: number; months: string[]; byProvince: Map<string, string[]> }> {
  const { rows } = await session.query<LabelledRow>(
    `select a.*, c.province_code from core.assistance a join ref.commune c on c.code = a.commune_code
     where a.source_labels ? $1`,
    [kind],
  );
  const column = {
    help_type: "help_type",
    gender: "gender",
    ethnicity: "ethnic_code",
    procedure: "procedure_code",
  }[kind];
  const updates: {
    old_id: string;
    new_id: string;
    value: string;
    labels: string | null;
    hash: string;
  }[] = [];
  const months = new Map<string, Set<string>>();
  for (const row of rows) {
    const label = row.source_labels[kind];
    if (label === undefined || vocabularyKey(kind, label) !== key) continue;
    const labels = { ...row.source_labels };
    delete labels[kind];
    const fields = { ...row, [column]: target } as LabelledRow;
    const business = assistanceBusinessFields(fields, labels);
    const newId = row.record_id.startsWith("d-") ? deriveId(business) : row.record_id;
    updates.push({
      old_id: row.record_id,
      new_id: newId,
      value: target,
      labels: sourceLabelsJson(labels),
      hash: hashFields([newId, ...business]),
    });
    const month = row.assisted_at.slice(0, 7);
    months.set(row.province_code, (months.get(row.province_code) ?? new Set()).add(month));
  }
  if (updates.length > 0) {
    const params = [
      updates.map((u) => u.old_id),
      updates.map((u) => u.new_id),
      updates.map((u) => u.value),
      updates.map((u) => u.labels),
      updates.map((u) => u.hash),
    ];
    // A derived id changes with the row; the batch's change log follows it so revert still finds it.
    await session.query(
      `update core.batch_change c set row_key = v.new_id
       from unnest($1::text[], $2::text[]) as v(old_id, new_id)
       where c.target = 'assistance' and c.row_key = v.old_id and v.old_id <> v.new_id`,
      params.slice(0, 2),
    );
    await session.query(
      `update core.assistance a set record_id = v.new_id, ${column} = v.value,
         source_labels = v.labels::jsonb, row_hash = v.hash
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
         as v(old_id, new_id, value, labels, hash)
       where a.record_id = v.old_id`,
      params,
    );
  }
  const all = new Set<string>();
  const byProvince = new Map<string, string[]>();
  for (const [province, set] of months) {
    byProvince.set(province, [...set].sort());
    for (const m of set) all.add(m);
  }
  return { rows: updates.length, months: [...all].sort(), byProvince };
}
