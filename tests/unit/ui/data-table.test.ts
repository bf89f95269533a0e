// The generic table renders the markup the hand-written tables did: one <th scope="col"> per
// column ("num" on numeric ones), the row-heading column as <th scope="row">, an optional caption.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, metricColumn, monthColumn, type DataColumn } from "~/components/data-table";
import { getI18n } from "~/lib/i18n/use-i18n";
import { METRICS } from "~/lib/metrics/registry";

interface Row {
  code: string;
  name: string;
  cases: number;
}

const columns: DataColumn<Row>[] = [
  { header: "Commune", rowHeader: true, cell: (row) => row.name },
  { header: "Code", cell: (row) => row.code },
  { header: "Cases", numeric: true, cell: (row) => row.cases.toLocaleString("vi-VN") },
];
const rows: Row[] = [
  { code: "10003", name: "Phường A", cases: 1200 },
  { code: "10006", name: "Xã B", cases: 7 },
];

describe("DataTable", () => {
  it("renders header cells, row headers and numeric cells as the page tables write them", () => {
    const html = renderToStaticMarkup(
      createElement(DataTable<Row>, { columns, rows, rowKey: (row) => row.code }),
    );
    expect(html).toBe(
      "<table><thead><tr>" +
        '<th scope="col">Commune</th><th scope="col">Code</th><th scope="col" class="num">Cases</th>' +
        "</tr></thead><tbody>" +
        '<tr><th scope="row">Phường A</th><td>10003</td><td class="num">1.200</td></tr>' +
        '<tr><th scope="row">Xã B</th><td>10006</td><td class="num">7</td></tr>' +
        "</tbody></table>",
    );
  });

  it("puts a text column's cell class on its body cells only", () => {
    const html = renderToStaticMarkup(
      createElement(DataTable<Row>, {
        columns: [
          { header: "Commune", rowHeader: true, cellClassName: "file", cell: (row) => row.name },
        ],
        rows: rows.slice(0, 1),
        rowKey: (row) => row.code,
      }),
    );
    expect(html).toBe(
      '<table><thead><tr><th scope="col">Commune</th></tr></thead>' +
        '<tbody><tr><th scope="row" class="file">Phường A</th></tr></tbody></table>',
    );
  });

  it("puts the caption first and renders an empty body for no rows", () => {
    const html = renderToStaticMarkup(
      createElement(DataTable<Row>, {
        columns,
        rows: [],
        rowKey: (row) => row.code,
        caption: "Top 0 of 0",
      }),
    );
    expect(html).toMatch(/^<table><caption>Top 0 of 0<\/caption><thead>/);
    expect(html).toContain("<tbody></tbody>");
  });

  it("prints a registry metric as the registry says and heads it with the metric's name", () => {
    const i18n = getI18n("en");
    type UptakeRow = { month: string; uptake: number | null };
    const html = renderToStaticMarkup(
      createElement(DataTable<UptakeRow>, {
        columns: [
          monthColumn<UptakeRow>(i18n),
          metricColumn<UptakeRow>("online_uptake", (row) => row.uptake, i18n),
        ],
        rows: [
          { month: "2025-07", uptake: 0.4567 },
          { month: "2025-08", uptake: null },
        ],
        rowKey: (row) => row.month,
      }),
    );
    expect(html).toContain(
      `<th scope="col" class="num">${i18n.t(METRICS.online_uptake.name)}</th>`,
    );
    expect(html).toContain(`<th scope="row">${i18n.fmt.monthNumeric("2025-07")}</th>`);
    expect(html).toContain(`<td class="num">${i18n.fmt.percent(0.4567, 1)}</td>`);
    expect(html).toContain(`<td class="num">${i18n.fmt.percent(null, 1)}</td>`);
  });
});
