// Units a leader should look at first: lowest online uptake, no volunteer activity in the 30 days
// up to the latest date with data, nothing received for the latest month. Each name links to the unit's page where the viewer may open it.
import { CommuneName } from "./commune-name";
import { useI18n } from "~/lib/i18n/use-i18n";
import { formatMetric } from "~/lib/metrics/registry";
import type {
  CommuneRef,
  NeedsAttention as NeedsAttentionData,
} from "~/lib/metrics/commune-metrics";

const MAX_LISTED = 10;

/** A YYYY-MM-DD date: 30/11/2026 (vi) or 30 Nov 2026 (en), without time-zone arithmetic. */
export function formatDay(date: string, lang: "vi" | "en", monthNumeric: (m: string) => string) {
  const day = Number(date.slice(8, 10));
  const month = date.slice(0, 7);
  return lang === "vi"
    ? `${day}/${Number(date.slice(5, 7))}/${date.slice(0, 4)}`
    : `${day} ${monthNumeric(month)}`;
}

function CommuneList({
  communes,
}: {
  communes: Array<CommuneRef & { last_activity?: string | null }>;
}) {
  const { lang, t, fmt } = useI18n();
  if (communes.length === 0) return <p className="attention__none">{t("attention.none")}</p>;
  const shown = communes.slice(0, MAX_LISTED);
  const hidden = communes.length - shown.length;
  return (
    <>
      <ul>
        {shown.map((commune) => (
          <li key={commune.code}>
            <CommuneName code={commune.code} name={commune.name} />
            {commune.last_activity !== undefined ? (
              <span className="attention__date">
                {" ("}
                {commune.last_activity === null
                  ? t("attention.neverActive")
                  : t("attention.lastActivity", {
                      date: formatDay(commune.last_activity, lang, fmt.monthNumeric),
                    })}
                {")"}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {hidden > 0 ? (
        <p className="attention__more">{t("attention.more", { count: fmt.integer(hidden) })}</p>
      ) : null}
    </>
  );
}

export function NeedsAttention({ attention }: { attention: NeedsAttentionData }) {
  const { lang, t, fmt } = useI18n();
  const month = fmt.monthLong(attention.month);
  const asOf = attention.activity_as_of
    ? formatDay(attention.activity_as_of, lang, fmt.monthNumeric)
    : month;
  return (
    <section className="attention" aria-labelledby="attention-heading">
      <h2 id="attention-heading">{t("attention.heading")}</h2>
      <div className="attention__grid">
        <section aria-labelledby="attention-uptake">
          <h3 id="attention-uptake">{t("attention.lowestUptake")}</h3>
          {attention.lowest_uptake.length === 0 ? (
            <p className="attention__none">{t("attention.none")}</p>
          ) : (
            <ol>
              {attention.lowest_uptake.map((commune) => (
                <li key={commune.code}>
                  <CommuneName code={commune.code} name={commune.name} />:{" "}
                  {formatMetric("online_uptake", commune.value, fmt)}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="attention-volunteers">
          <h3 id="attention-volunteers">{t("attention.noVolunteers", { date: asOf })}</h3>
          <p className="attention__note">{t("attention.noVolunteersNote")}</p>
          <CommuneList communes={attention.no_volunteer_activity} />
        </section>
        <section aria-labelledby="attention-no-data">
          <h3 id="attention-no-data">{t("attention.noData", { month })}</h3>
          <p className="attention__note">{t("attention.noDataNote")}</p>
          <CommuneList communes={attention.no_data} />
        </section>
      </div>
    </section>
  );
}
