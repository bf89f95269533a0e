// The download links of a view: one plain <a download> per format, so they work without
// JavaScript. The href already carries the page's filters; each link adds its format, either as
// `?format=csv` (page download routes) or as the path's extension (the API: commune-month.csv).
import type { ExportFormat } from "~/lib/export/dataset";
import { PAGE_DOWNLOAD_FORMATS } from "~/lib/export/formats";
import { keepLinkParams } from "~/lib/http/link-params";
import { useI18n } from "~/lib/i18n/use-i18n";

export interface DownloadLinksProps {
  /** The download route with the view's query, e.g. "/overview/download?period=6m&table=trend". */
  href: string;
  /** Extra query parameters merged into href's (a page's current search, a table name…). */
  search?: string | URLSearchParams;
  /** What the files hold, shown before the links; defaults to "Tải dữ liệu" / "Download data". */
  label?: string;
  /** "param" (default) adds `format=…`; "extension" appends `.csv` etc. to the path. */
  formatIn?: "param" | "extension";
  formats?: readonly ExportFormat[];
}

/** The href of one format's file; `lang` is dropped (files are bilingual). */
export function downloadHref(
  href: string,
  format: ExportFormat,
  options: Pick<DownloadLinksProps, "search" | "formatIn"> = {},
): string {
  const queryStart = href.indexOf("?");
  const path = queryStart === -1 ? href : href.slice(0, queryStart);
  const params = new URLSearchParams(queryStart === -1 ? "" : href.slice(queryStart + 1));
  for (const [name, value] of keepLinkParams(options.search ?? "")) {
    if (!params.getAll(name).includes(value)) params.append(name, value);
  }
  params.delete("lang");
  params.delete("format");
  let target = path;
  if (options.formatIn === "extension") target = `${path}.${format}`;
  else params.set("format", format);
  const query = params.toString();
  return query ? `${target}?${query}` : target;
}

export function DownloadLinks({
  href,
  search,
  label,
  formatIn = "param",
  formats = PAGE_DOWNLOAD_FORMATS,
}: DownloadLinksProps) {
  const { t } = useI18n();
  const text = label ?? t("downloads.label");
  return (
    <p className="download-links">
      <span className="download-links__label">{text}:</span>{" "}
      {formats.map((format, index) => (
        <span key={format}>
          {index > 0 ? " · " : null}
          <a
            href={downloadHref(href, format, { search, formatIn })}
            download
            title={t(`downloads.title.${format}`)}
            // The name starts with the visible text (WCAG 2.5.3 "label in name").
            aria-label={`${t(`downloads.format.${format}`)}: ${text} — ${t(`downloads.title.${format}`)}`}
          >
            {t(`downloads.format.${format}`)}
          </a>
        </span>
      ))}
    </p>
  );
}
