// Section a and b of the commune page: monthly online uptake and cases against the peer and
// province medians, and the peer set with the rule that chose it.
import { TableScroll } from "~/components/table-scroll";
import { Link } from "@remix-run/react";
import type { RenderedFigure } from "~/lib/charts/render-plot.server";
import { TREND_SERIES } from "~/lib/charts/trend-against-medians-series";
import { keepLinkParams } from "~/lib/http/link-params";
import { LANG_PARAM, type Lang } from "~/lib/i18n/languages";
import { useI18n } from "~/lib/i18n/use-i18n";
import { formatMetric } from "~/lib/metrics/registry";
import type { CommuneInfo, CommuneTrendRow } from "~/pages/commune/load.server";
import type { PeerCommune } from "~/lib/metrics/commune-peers";
import { PEER_COUNT } from "~/lib/metrics/commune-peers";
import { DataTable, metricColumn, monthColumn, type DataColumn } from "../data-table";
import { LineSeriesLegend } from "../line-series-legend";
import { PlotFigure } from "../plot-figure";
import { CommuneName } from "../commune-name";
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
            formatMetric("online_uptake", row.peer_median_online_uptake, fmt),
          ),
          median("commune.series.provinceMedian", (row) =>
            formatMetric("online_uptake", row.province_median_online_uptake, fmt),
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

// The compare page shows up to 6 units: this one and its 5 nearest peers.
const COMPARE_PEERS = 5;

/** /compare with this commune and its nearest peers, keeping the page's period parameters. */
function comparePeersHref(code: string, peers: PeerCommune[], search: string, lang: Lang): string {
  const params = keepLinkParams(search);
  params.delete("commune");
  for (const peer of [code, ...peers.slice(0, COMPARE_PEERS).map((p) => p.code)])
    params.append("commune", peer);
  params.set(LANG_PARAM, lang);
  return `/compare?${params.toString()}`;
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
          <TableScroll label={t("commune.peers.heading")}>
            <DataTable
              className="commune-peers"
              rows={peers}
              rowKey={(peer) => peer.code}
              columns={[
                {
                  header: t("ranking.commune"),
                  rowHeader: true,
                  cell: (peer) => <CommuneName code={peer.code} name={peer.name} search={search} />,
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
          <p>
            <Link to={comparePeersHref(commune.code, peers, search, lang)}>
              {t("commune.peers.compare", { count: Math.min(peers.length, COMPARE_PEERS) })}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
