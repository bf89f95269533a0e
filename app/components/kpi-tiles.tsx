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
import type { ReactNode } from "react";
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import { formatMetric, METRICS, type MetricId } from "~/lib/metrics/registry";
import { methodologyHref } from "~/lib/metrics/methodology-anchors";

export interface KpiTilesProps {
  kpis: KpiValues;
  previousKpis: KpiValues | null;
  previousPeriod: ResolvedPeriod | null;
  /** The period holds a month that is not complete, which is why nothing is compared. */
  periodOpen?: boolean;
}

const ARROWS = { up: "▲", down: "▼", flat: "▬" } as const;

/** Tiles that show the period's last month only (computeKpis), not a sum over the period. */
const LATEST_MONTH_KPIS: ReadonlySet<KpiId> = new Set(["volunteers_active", "communes_reporting"]);

/**
 * The period a tile's change is measured against. A latest-month indicator is compared with the
 * previous period's last month and named so: a one-month count never stands beside a label of
 * several months.
 */
export function previousPeriodLabel(
  id: KpiId,
  previousPeriod: ResolvedPeriod,
  previousKpis: KpiValues,
  fmt: Formatter,
): string {
  if (LATEST_MONTH_KPIS.has(id)) return fmt.monthNumeric(previousKpis.latest_month);
  return `${fmt.monthNumeric(previousPeriod.from)} – ${fmt.monthNumeric(previousPeriod.to)}`;
}

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

/** A metric shown as a tile: it has a "?" definition in the registry. */
export type TileMetricId = {
  [M in MetricId]: (typeof METRICS)[M] extends { definition: MessageKey } ? M : never;
}[MetricId];

export interface KpiTileFrameProps {
  id: TileMetricId;
  value: number | null;
  children?: ReactNode;
}

/**
 * One tile: the metric's name with its "?" definition (and a link to /methodology), the value as
 * the registry prints it, then what the caller adds (change, comparisons). The overview's and
 * the commune page's tiles share it.
 */
export function KpiTileFrame({ id, value, children }: KpiTileFrameProps) {
  const { lang, t, fmt } = useI18n();
  const labels = METRICS[id];
  const name = t(labels.name);
  const definitionId = `kpi-${id}-definition`;
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
      {children}
    </article>
  );
}

function KpiTile({ id, kpis, previousKpis, previousPeriod }: KpiTilesProps & { id: KpiId }) {
  const { t, fmt } = useI18n();
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

  let changeText: string | null;
  let changeClass = "kpi__change";
  if (!previousKpis || !previousPeriod) {
    changeText = null; // said once for all tiles, above the grid
  } else if (!change) {
    changeText = t("kpi.change.notComparable");
  } else {
    const period = previousPeriodLabel(id, previousPeriod, previousKpis, fmt);
    changeText = `${describeChange(change, t, fmt)} ${t("kpi.change.versus", {
      value: formatMetric(id, previous, fmt),
      period,
    })}`;
    changeClass += ` kpi__change--${change.direction}`;
  }

  return (
    <KpiTileFrame id={id} value={value}>
      {note ? <p className="kpi__note">{note}</p> : null}
      {changeText ? (
        <p className={changeClass}>
          {change ? <span aria-hidden="true">{ARROWS[change.direction]} </span> : null}
          {changeText}
        </p>
      ) : null}
    </KpiTileFrame>
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
