// Units a leader should look at first: lowest online uptake, no volunteer activity in the
// latest month, nothing received for the latest month.
import { useI18n } from "~/lib/i18n/use-i18n";
import type {
  CommuneRef,
  NeedsAttention as NeedsAttentionData,
} from "~/lib/metrics/commune-metrics";

const MAX_LISTED = 10;

function CommuneList({ communes }: { communes: CommuneRef[] }) {
  const { t, fmt } = useI18n();
  if (communes.length === 0) return <p className="attention__none">{t("attention.none")}</p>;
  const shown = communes.slice(0, MAX_LISTED);
  const hidden = communes.length - shown.length;
  return (
    <>
      <ul>
        {shown.map((commune) => (
          <li key={commune.code}>{commune.name}</li>
        ))}
      </ul>
      {hidden > 0 ? (
        <p className="attention__more">{t("attention.more", { count: fmt.integer(hidden) })}</p>
      ) : null}
    </>
  );
}

export function NeedsAttention({ attention }: { attention: NeedsAttentionData }) {
  const { t, fmt } = useI18n();
  const month = fmt.monthLong(attention.month);
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
                  {commune.name}: {fmt.percent(commune.value, 1)}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="attention-volunteers">
          <h3 id="attention-volunteers">{t("attention.noVolunteers", { month })}</h3>
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
