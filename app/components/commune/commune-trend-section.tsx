// Section a and b of the commune page: monthly online uptake and cases against the peer and
// province medians, and the peer set with the rule that chose it.
import { TableScroll } from "~/components/table-scroll";
import { Link } from "@remix-run/react";
import type { RenderedFigure } from "~/lib/charts/render-plot.server";
import { TREND_SERIES } from "~/lib/charts/trend-against-medians-series";
import { buildHref } from "~/lib/http/href";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { CommuneInfo, CommuneTrendRow } from "~/pages/commune/load.server";
import type { PeerCommune } from "~/lib/metrics/commune-peers";
import { PEER_COUNT } from "~/lib/metrics/commune-peers";
import { DataTable, metricColumn, monthColumn, type DataColumn } from "../data-table";
import { LineSeriesLegend } from "../line-series-legend";
import { PlotFigure } from "../plot-figure";
import { CommuneDownloadLinks } from "./commune-download-links";

function TrendLegend() {
  return <LineSeriesLegend series={TREND_SERIES} />;
}

export interface CommuneTrendSectionProps {
  code: string;
  search: string;
  trend: CommuneTrendRow[];
  uptake: RenderedFigure;
  cases: RenderedFigure;
  provinceCommuneCount: number;
}

export function CommuneTrendSection({
  code,
  search,
  trend,
  uptake,
  cases,
  provinceCommuneCount,
}: CommuneTrendSectionProps) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const median = (
    header: "commune.series.peerMedian" | "commune.series.provinceMedian",
    cell: (row: CommuneTrendRow) => string,
  ): DataColumn<CommuneTrendRow> => ({ header: t(header), numeric: true, cell });
  const table = (
    <>
      <DataTable
        rows={trend}
        rowKey={(row) => row.month}
        columns={[
          monthColumn<CommuneTrendRow>(i18n),
          metricColumn<CommuneTrendRow>("online_uptake", (row) => row.online_uptake, i18n),
          median("commune.series.peerMedian", (row) =>
            fmt.percent(row.peer_median_online_uptake, 1),
          ),
          median("commune.series.provinceMedian", (row) =>
            fmt.percent(row.province_median_online_uptake, 1),
          ),
          metricColumn<CommuneTrendRow>("cases", (row) => row.cases, i18n),
          median("commune.series.peerMedian", (row) => fmt.decimal(row.peer_median_cases, 1)),
          median("commune.series.provinceMedian", (row) =>
            fmt.decimal(row.province_median_cases, 1),
          ),
        ]}
      />
    </>
  );
  return (
    <section aria-labelledby="commune-trend-heading" className="commune-section">
      <h2 id="commune-trend-heading">{t("commune.trend.heading")}</h2>
      <p className="commune-note">
        {t("commune.trend.medianNote", { count: fmt.integer(provinceCommuneCount) })}
      </p>
      <div className="trend-grid">
        <PlotFigure
          id="commune-figure-uptake"
          title={t("commune.trend.uptakeTitle")}
          description={uptake.description}
          html={uptake.html}
          legend={<TrendLegend />}
          table={table}
        />
        <PlotFigure
          id="commune-figure-cases"
          title={t("commune.trend.casesTitle")}
          description={cases.description}
          html={cases.html}
          legend={<TrendLegend />}
          table={table}
        />
      </div>
      <CommuneDownloadLinks code={code} table="trend" search={search} />
    </section>
  );
}

export interface CommunePeersSectionProps {
  commune: CommuneInfo;
  peers: PeerCommune[];
  /** The page's query: a peer's link keeps the period and procedure group. */
  search: string;
}

export function CommunePeersSection({ commune, peers, search }: CommunePeersSectionProps) {
  const { lang, t, fmt } = useI18n();
  const difference = (peer: PeerCommune) => {
    const ratio = peer.population / commune.population! - 1;
    if (Math.abs(ratio) < 0.0005) return t("commune.peers.same");
    return t(ratio > 0 ? "commune.peers.larger" : "commune.peers.smaller", {
      value: fmt.percent(Math.abs(ratio), 0),
    });
  };
  return (
    <section aria-labelledby="commune-peers-heading" className="commune-section">
      <h2 id="commune-peers-heading">{t("commune.peers.heading")}</h2>
      {peers.length === 0 ? (
        <p className="notice">{t("commune.peers.none")}</p>
      ) : (
        <>
          <p>
            {t("commune.peers.rule", {
              count: PEER_COUNT,
              unitType: t(`unitType.${commune.unit_type}`),
            })}
          </p>
          <TableScroll labelledBy="commune-peers-heading">
            <DataTable
              className="commune-peers"
              rows={peers}
              rowKey={(peer) => peer.code}
              columns={[
                {
                  header: t("ranking.commune"),
                  rowHeader: true,
                  cell: (peer) => (
                    <Link to={buildHref(`/communes/${peer.code}`, search, {}, lang)}>
                      {peer.name}
                    </Link>
                  ),
                },
                {
                  header: t("commune.list.population"),
                  numeric: true,
                  cell: (peer) => fmt.integer(peer.population),
                },
                { header: t("commune.peers.difference"), numeric: true, cell: difference },
              ]}
            />
          </TableScroll>
        </>
      )}
    </section>
  );
}
