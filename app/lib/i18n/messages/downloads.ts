// UI strings of the downloads area; keys start with "downloads.".
import { defineMessages } from "./define-messages";

export const downloadsMessages = defineMessages(
  {
    "downloads.label": "Tải dữ liệu",
    "downloads.format.csv": "CSV",
    "downloads.format.xlsx": "XLSX",
    "downloads.format.arrow": "Arrow",
    "downloads.format.parquet": "Parquet",
    "downloads.format.json": "JSON",
    "downloads.title.csv": "Tải CSV (UTF-8, mở được bằng Excel)",
    "downloads.title.xlsx": "Tải bảng tính Excel (XLSX)",
    "downloads.title.arrow": "Tải Apache Arrow (IPC stream) cho Python, R, DuckDB",
    "downloads.title.parquet": "Tải Apache Parquet cho Python, R, DuckDB",
    "downloads.title.json": "Tải JSON",
    "downloads.hint": "Tệp tải về dùng cùng bộ lọc với trang này.",
    "downloads.overview.trend": "Xu hướng theo tháng",
    "downloads.overview.communes": "Xếp hạng xã/phường",
    "downloads.error.format": "định dạng không hỗ trợ; dùng csv, xlsx, arrow, parquet hoặc json",
    "downloads.error.table": "bảng không có; dùng trend hoặc communes",
    "downloads.error.procedure_group":
      "bảng xã × tháng không chia theo nhóm thủ tục; bỏ tham số này",
  },
  {
    "downloads.label": "Download data",
    "downloads.format.csv": "CSV",
    "downloads.format.xlsx": "XLSX",
    "downloads.format.arrow": "Arrow",
    "downloads.format.parquet": "Parquet",
    "downloads.format.json": "JSON",
    "downloads.title.csv": "Download CSV (UTF-8, opens in Excel)",
    "downloads.title.xlsx": "Download an Excel workbook (XLSX)",
    "downloads.title.arrow": "Download Apache Arrow (IPC stream) for Python, R, DuckDB",
    "downloads.title.parquet": "Download Apache Parquet for Python, R, DuckDB",
    "downloads.title.json": "Download JSON",
    "downloads.hint": "Downloads use the same filters as this page.",
    "downloads.overview.trend": "Monthly trend",
    "downloads.overview.communes": "Commune ranking",
    "downloads.error.format": "unsupported format; use csv, xlsx, arrow, parquet or json",
    "downloads.error.table": "no such table; use trend or communes",
    "downloads.error.procedure_group":
      "the commune × month table has no procedure breakdown; drop this parameter",
  },
);
