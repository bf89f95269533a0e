// Plain links to one table of the commune page in each download format: they work without
// JavaScript and carry the page's own filter parameters, so the file holds the page's numbers.
import { useI18n } from "~/lib/i18n/use-i18n";
import { PAGE_DOWNLOAD_FORMATS } from "~/lib/export/formats";
import type { CommuneTable } from "~/pages/commune/tables";

export interface CommuneDownloadLinksProps {
  code: string;
  table: CommuneTable;
  /** The page's query string (its filters); `lang` is dropped, files are language-neutral. */
  search: string;
}

const FORMAT_LABELS: Record<(typeof PAGE_DOWNLOAD_FORMATS)[number], string> = {
  csv: "CSV",
  xlsx: "XLSX",
  arrow: "Arrow",
  parquet: "Parquet",
};

export function communeDownloadHref(
  code: string,
  table: CommuneTable,
  format: string,
  search: string,
): string {
  const params = new URLSearchParams(search);
  params.delete("lang");
  params.set("table", table);
  params.set("format", format);
  return `/communes/${encodeURIComponent(code)}/download?${params.toString()}`;
}

export function CommuneDownloadLinks({ code, table, search }: CommuneDownloadLinksProps) {
  const { t } = useI18n();
  return (
    <p className="commune-downloads">
      <span>{t("commune.downloads")}</span>{" "}
      {PAGE_DOWNLOAD_FORMATS.map((format, index) => (
        <span key={format}>
          {index > 0 ? " · " : null}
          <a href={communeDownloadHref(code, table, format, search)} download>
            {FORMAT_LABELS[format]}
          </a>
        </span>
      ))}
    </p>
  );
}
