// The commune page's key indicators as tiles like the overview's (value, "?" definition): each
// with the province and peer medians beside it and the commune's rank in the province and among
// its peers (issue 12, item 5).
import { useI18n } from "~/lib/i18n/use-i18n";
import {
  COMMUNE_TILE_IDS,
  type CommuneStanding,
  type CommuneStandings,
  type CommuneTileId,
} from "~/lib/metrics/commune-standing";
import { formatMetric } from "~/lib/metrics/registry";
import { KpiTileFrame } from "../kpi-tiles";

function CommuneKpiTile({ id, standing }: { id: CommuneTileId; standing: CommuneStanding }) {
  const { t, fmt } = useI18n();
  const value = (number: number | null) => formatMetric(id, number, fmt);
  const ranks = [
    standing.province_rank
      ? t("commune.tiles.rankProvince", {
          rank: fmt.integer(standing.province_rank.rank),
          of: fmt.integer(standing.province_rank.of),
        })
      : null,
    standing.peer_rank
      ? t("commune.tiles.rankPeers", {
          rank: fmt.integer(standing.peer_rank.rank),
          of: fmt.integer(standing.peer_rank.of),
        })
      : null,
  ].filter((text): text is string => text !== null);
  return (
    <KpiTileFrame id={id} value={standing.value}>
      {ranks.length > 0 ? (
        <p className="kpi__rank">
          {ranks.map((text, index) => (
            <span key={text}>
              {index > 0 ? <br /> : null}
              {text}
            </span>
          ))}
        </p>
      ) : null}
      <p className="kpi__note">
        {t("commune.tiles.provinceMedian", { value: value(standing.province_median) })}
        {standing.peer_rank || standing.peer_median !== null ? (
          <>
            <br />
            {t("commune.tiles.peerMedian", { value: value(standing.peer_median) })}
          </>
        ) : null}
      </p>
    </KpiTileFrame>
  );
}

export function CommuneKpiTiles({ standings }: { standings: CommuneStandings }) {
  const { t } = useI18n();
  return (
    <>
      <p className="kpi-grid__note">{t("commune.tiles.note")}</p>
      <div className="kpi-grid">
        {COMMUNE_TILE_IDS.map((id) => (
          <CommuneKpiTile key={id} id={id} standing={standings[id]} />
        ))}
      </div>
    </>
  );
}
