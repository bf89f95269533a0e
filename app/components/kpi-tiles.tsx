// The key-indicator tiles: value, change against the previous period (arrow and words, not
// colour alone) and a "?" disclosure with the indicator's definition.
import type { Formatter } from "~/lib/i18n/formatter";
import type { Translator } from "~/lib/i18n/translate";
import { useI18n } from "~/lib/i18n/use-i18n";
import type { ResolvedPeriod } from "~/lib/filters/filters";
import {
  KPI_IDS,
  compareKpi,
  type KpiChange,
  type KpiId,
  type KpiValues,
} from "~/lib/metrics/kpis";
import { formatMetric, METRICS } from "~/lib/metrics/registry";
import { methodologyHref } from "~/lib/metrics/methodology-anchors";

export interface KpiTilesProps {
  kpis: KpiValues;
  previousKpis: KpiValues | null;
  previousPeriod: ResolvedPeriod | null;
  /** The period holds a month that is not complete, which is why nothing is compared. */
  periodOpen?: boolean;
}

const ARROWS = { up: "▲", down: "▼", flat: "▬" } as const;

export function describeChange(change: KpiChange, t: Translator, fmt: Formatter): string {
  if (change.direction === "flat") return t("kpi.change.flat");
  if (change.from_zero) return t("kpi.change.fromZero");
  const up = change.direction === "up";
  switch (change.kind) {
    case "relative":
      return t(up ? "kpi.change.up" : "kpi.change.down", {
        value: fmt.percent(Math.abs(change.amount), 1),
      });
    case "points":
      return t(up ? "kpi.change.upPoints" : "kpi.change.downPoints", {
        value: fmt.percentPoints(change.amount),
      });
    case "units":
      return t(up ? "kpi.change.up" : "kpi.change.down", {
        value: fmt.integer(Math.abs(change.amount)),
      });
  }
}

function KpiTile({ id, kpis, previousKpis, previousPeriod }: KpiTilesProps & { id: KpiId }) {
  const { lang, t, fmt } = useI18n();
  const labels = METRICS[id];
  const name = t(labels.name);
  const value = kpis[id];
  const previous = previousKpis ? previousKpis[id] : null;
  const change = previousKpis ? compareKpi(id, value, previous) : null;
  const latestMonth = fmt.monthLong(kpis.latest_month);
  const note =
    id === "volunteers_active"
      ? t("kpi.latestMonth", { month: latestMonth })
      : id === "communes_reporting"
        ? t("kpi.ofTotal", { total: fmt.integer(kpis.communes_total), month: latestMonth })
        : null;
  const definitionId = `kpi-${id}-definition`;

  let changeText: string | null;
  let changeClass = "kpi__change";
  if (!previousKpis || !previousPeriod) {
    changeText = null; // said once for all tiles, above the grid
  } else if (!change) {
    changeText = t("kpi.change.notComparable");
  } else {
    const period = `${fmt.monthNumeric(previousPeriod.from)} – ${fmt.monthNumeric(previousPeriod.to)}`;
    changeText = `${describeChange(change, t, fmt)} ${t("kpi.change.versus", {
      value: formatMetric(id, previous, fmt),
      period,
    })}`;
    changeClass += ` kpi__change--${change.direction}`;
  }

  return (
    <article className="kpi" aria-labelledby={`kpi-${id}-name`}>
      <div className="kpi__head">
        <h3 id={`kpi-${id}-name`} className="kpi__name">
          {name}
        </h3>
        <details className="kpi__help">
          <summary aria-label={t("kpi.definition", { name })} aria-describedby={definitionId}>
            ?
          </summary>
          <p id={definitionId}>{t(labels.definition)}</p>
          <p>
            <a href={methodologyHref(id, lang)}>{t("methodology.kpiLink")}</a>
          </p>
        </details>
      </div>
      <p className="kpi__value">{formatMetric(id, value, fmt)}</p>
      {note ? <p className="kpi__note">{note}</p> : null}
      {changeText ? (
        <p className={changeClass}>
          {change ? <span aria-hidden="true">{ARROWS[change.direction]} </span> : null}
          {changeText}
        </p>
      ) : null}
    </article>
  );
}

export function KpiTiles(props: KpiTilesProps) {
  const { t } = useI18n();
  return (
    <>
      {props.previousKpis ? null : (
        <p className="kpi-grid__note">
          {t(props.periodOpen ? "kpi.change.open" : "kpi.change.none")}
        </p>
      )}
      <div className="kpi-grid">
        {KPI_IDS.map((id) => (
          <KpiTile key={id} id={id} {...props} />
        ))}
      </div>
    </>
  );
}
