// The province report's lists: highest and lowest online uptake of the month, the units with the
// most volunteer hours, and the "needs attention" lists, compact enough for two A4 pages.
import { DataTable } from "~/components/data-table";
import { formatDay } from "~/components/needs-attention";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { CommuneRef, RankedCommune } from "~/lib/metrics/commune-metrics";
import type { ProvinceSections } from "~/pages/report/load.server";
import { formatMetric, METRICS } from "~/lib/metrics/registry";

const MAX_NAMES = 8;

function RankedTable({
  caption,
  rows,
  format,
  valueLabel,
}: {
  caption: string;
  rows: RankedCommune[];
  format: (row: RankedCommune) => string;
  valueLabel: string;
}) {
  const { t } = useI18n();
  return (
    <DataTable
      className="report__ranked"
      caption={caption}
      rows={rows}
      rowKey={(row) => row.code}
      columns={[
        { header: "#", numeric: true, cell: (row) => row.rank },
        { header: t("report.commune"), rowHeader: true, cell: (row) => row.name },
        { header: valueLabel, numeric: true, cell: format },
      ]}
    />
  );
}

function NameList({ communes }: { communes: CommuneRef[] }) {
  const { t, fmt } = useI18n();
  if (communes.length === 0) return <p>{t("report.none")}</p>;
  const shown = communes.slice(0, MAX_NAMES).map((commune) => commune.name);
  const hidden = communes.length - shown.length;
  return (
    <p>
      {shown.join(", ")}
      {hidden > 0 ? ` ${t("report.more", { count: fmt.integer(hidden) })}` : null}
    </p>
  );
}

export function ReportProvinceSections({ sections }: { sections: ProvinceSections }) {
  const { lang, t, fmt } = useI18n();
  const month = fmt.monthLong(sections.attention.month);
  const uptake = (row: RankedCommune) => formatMetric("online_uptake", row.online_uptake, fmt);
  return (
    <>
      <section className="report__section" aria-labelledby="report-uptake-heading">
        <h2 id="report-uptake-heading">{t("report.uptakeHeading")}</h2>
        <p className="report__note">
          {t("report.rankedNote", { count: fmt.integer(sections.ranked_count) })}
        </p>
        <div className="report__columns">
          <RankedTable
            caption={t("report.topUptake")}
            rows={sections.top_uptake}
            format={uptake}
            valueLabel={t(METRICS.online_uptake.name)}
          />
          <RankedTable
            caption={t("report.bottomUptake")}
            rows={sections.bottom_uptake}
            format={uptake}
            valueLabel={t(METRICS.online_uptake.name)}
          />
        </div>
      </section>
      <div className="report__columns">
        <section className="report__section" aria-labelledby="report-hours-heading">
          <h2 id="report-hours-heading">{t("report.hoursHeading")}</h2>
          <RankedTable
            caption={t("report.topHours")}
            rows={sections.top_hours}
            format={(row) => formatMetric("volunteer_hours", row.volunteer_hours, fmt)}
            valueLabel={t(METRICS.volunteer_hours.name)}
          />
        </section>
        <section className="report__section" aria-labelledby="report-attention-heading">
          <h2 id="report-attention-heading">{t("report.attentionHeading")}</h2>
          <h3>
            {t("attention.noVolunteers", {
              date: sections.attention.activity_as_of
                ? formatDay(sections.attention.activity_as_of, lang, fmt.monthNumeric)
                : "—",
            })}
          </h3>
          <NameList communes={sections.attention.no_volunteer_activity} />
          <h3>{t("attention.noData", { month })}</h3>
          <NameList communes={sections.attention.no_data} />
        </section>
      </div>
    </>
  );
}
