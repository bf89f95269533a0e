// A table from a list of columns: each column names its header and how to show a row's value,
// so a page's "show table" and its figure tables are written once as data, not as header and cell
// markup repeated per table. The first column may head its row (<th scope="row">).
import type { ReactNode } from "react";
import type { I18n } from "~/lib/i18n/use-i18n";
import { formatMetric, METRICS, type MetricId } from "~/lib/metrics/registry";

export interface DataColumn<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-aligned, for numbers (the "num" class on the header and the cells). */
  numeric?: boolean;
  /** The cell heads its row. */
  rowHeader?: boolean;
  /** A class for the body cells of a text column (its header cell gets none). */
  cellClassName?: string;
}

export interface DataTableProps<Row> {
  columns: readonly DataColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  caption?: ReactNode;
  className?: string;
  /** The id of a heading that names the table. */
  labelledBy?: string;
}

export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  className,
  labelledBy,
}: DataTableProps<Row>) {
  return (
    <table className={className} aria-labelledby={labelledBy}>
      {caption !== undefined ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col" className={column.numeric ? "num" : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column, index) => {
              const className = column.numeric ? "num" : column.cellClassName;
              return column.rowHeader ? (
                <th key={index} scope="row" className={className}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={index} className={className}>
                  {column.cell(row)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A column of one registry metric: its name heads the column and its value is printed as the
 * registry says (format and precision), so a table and a tile cannot print a metric differently.
 */
export function metricColumn<Row>(
  id: MetricId,
  value: (row: Row) => number | null | undefined,
  { t, fmt }: Pick<I18n, "t" | "fmt">,
): DataColumn<Row> {
  return {
    header: t(METRICS[id].name),
    numeric: true,
    cell: (row) => formatMetric(id, value(row), fmt),
  };
}

/** The month column that heads each row of a monthly table. */
export function monthColumn<Row extends { month: string }>({
  t,
  fmt,
}: Pick<I18n, "t" | "fmt">): DataColumn<Row> {
  return { header: t("chart.month"), rowHeader: true, cell: (row) => fmt.monthNumeric(row.month) };
}
