// The generic table renders the markup the hand-written tables did: one <th scope="col"> per
// column ("num" on numeric ones), the row-heading column as <th scope="row">, an optional caption.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type DataColumn } from "~/components/data-table";

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
});
