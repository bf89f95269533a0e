// One commune × month (× procedure) of dossier statistics → a staging.dossier_stat row.
// An empty procedure means figures for all procedures together (procedure_code '').
import type { DossierStatTable } from "~/lib/db/types";
import { normalizeMonth } from "~/lib/etl/normalize/date-time";
import { isBlank, type CellValue } from "~/lib/etl/normalize/normalized";
import { normalizeCount } from "~/lib/etl/normalize/numbers";
import { makeIssue } from "~/lib/etl/reasons";
import {
  hashFields,
  parseWith,
  resolved,
  type RowContext,
  type RowResult,
  type RowValues,
} from "./row-context";

export type StagedDossierRow = Omit<DossierStatTable, "batch_id" | "source_line">;

export function parseDossierRow(values: RowValues, ctx: RowContext): RowResult<StagedDossierRow> {
  return parseWith((b) => {
    const commune_code = resolved(b, ctx.communes.resolve(b.requiredKey(values, "commune")));
    const month = b.take(
      normalizeMonth(b.required(values, "month"), { now: ctx.now, column: "month" }),
    );
    const procedure_code = isBlank(values.procedure)
      ? ""
      : resolved(b, ctx.procedures.resolve(b.requiredKey(values, "procedure")));
    const count = (field: string) => b.take(normalizeCount(b.required(values, field), field));
    const optionalCount = (field: string, value: CellValue) =>
      isBlank(value) ? null : b.take(normalizeCount(value, field));
    const received_total = count("received_total");
    const received_online = count("received_online");
    const resolved_total = optionalCount("resolved_total", values.resolved_total);
    const resolved_on_time = optionalCount("resolved_on_time", values.resolved_on_time);

    const inconsistent = (column: string, detail_vi: string, detail_en: string) =>
      b.reject(makeIssue("dossier_inconsistent", column, { detail_vi, detail_en }));
    if (received_online > received_total) {
      inconsistent(
        "received_online",
        `tiếp nhận trực tuyến (${received_online}) lớn hơn tổng tiếp nhận (${received_total})`,
        `received online (${received_online}) is more than received in total (${received_total})`,
      );
    }
    if (resolved_on_time !== null && resolved_total === null) {
      inconsistent(
        "resolved_total",
        `có số giải quyết đúng hạn (${resolved_on_time}) nhưng thiếu tổng đã giải quyết`,
        `resolved on time (${resolved_on_time}) is given without resolved in total`,
      );
    }
    if (resolved_on_time !== null && resolved_total !== null && resolved_on_time > resolved_total) {
      inconsistent(
        "resolved_on_time",
        `giải quyết đúng hạn (${resolved_on_time}) lớn hơn tổng đã giải quyết (${resolved_total})`,
        `resolved on time (${resolved_on_time}) is more than resolved in total (${resolved_total})`,
      );
    }
    const row = {
      commune_code,
      month,
      procedure_code,
      received_total,
      received_online,
      resolved_total,
      resolved_on_time,
    };
    return { ...row, row_hash: hashFields(Object.values(row)) };
  });
}
