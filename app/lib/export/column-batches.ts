// The columnar writers (Arrow, Parquet) take a dataset a batch of columns at a time (ADR 019):
// from the dataset's own column batches when its source reads columns (the record-level extract on
// PostgreSQL decodes binary COPY into them), else by gathering `rows` into batches.
import type { ColumnBatch, ExportDataset, ExportRow } from "./dataset";

export async function* columnBatchesOf(
  dataset: ExportDataset,
  batchRows: number,
): AsyncGenerator<ColumnBatch> {
  if (dataset.columnBatches) {
    yield* dataset.columnBatches;
    return;
  }
  yield* rowsInColumns(
    dataset.columns.map((column) => column.name),
    dataset.rows,
    batchRows,
  );
}

/** Rows gathered into column batches of `batchRows` (the last one shorter; none for no rows). */
export async function* rowsInColumns(
  names: readonly string[],
  rows: Iterable<ExportRow> | AsyncIterable<ExportRow>,
  batchRows: number,
): AsyncGenerator<ColumnBatch> {
  const fresh = () => names.map(() => [] as (string | number | null)[]);
  let columns = fresh();
  let length = 0;
  for await (const row of rows) {
    for (let index = 0; index < names.length; index += 1) {
      columns[index]!.push(row[names[index]!] ?? null);
    }
    length += 1;
    if (length === batchRows) {
      yield { length, columns };
      columns = fresh();
      length = 0;
    }
  }
  if (length > 0) yield { length, columns };
}
