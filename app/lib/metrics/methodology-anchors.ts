// The heading ids of /methodology that pages link to ("?" disclosures, table rows). docs/metrics.md
// and docs/metrics.vi.md give these headings the same explicit ids ({#id}), so one link works in
// both languages; a test checks that every id here exists in both files.
import type { Lang } from "~/lib/i18n/languages";
import { hrefWithLang } from "~/lib/i18n/href";

export const METHODOLOGY_ANCHORS = {
  cases: "cases",
  online_uptake: "online-uptake",
  assisted_online_share: "assisted-online-share",
  completion_rate: "completion-rate",
  volunteer_hours: "volunteer-hours",
  volunteers_active: "active-volunteers",
  minority_reach: "minority-elderly-female-shares",
  elderly_reach: "minority-elderly-female-shares",
  communes_reporting: "units-with-cases",
  cases_per_1000: "cases-per-1000",
  reach_index: "reach-index",
  peers: "peer-communes",
  heatmap: "demand-heatmap",
  team_hours: "team-hours",
  compare: "compare",
  monthly_report: "monthly-report",
  suppression: "small-cell-suppression",
  freshness: "data-freshness",
  decision_766: "decision-766",
} as const;
export type MethodologyTopic = keyof typeof METHODOLOGY_ANCHORS;

/** A link to one heading of the methodology page, in the reader's language. */
export function methodologyHref(topic: MethodologyTopic, lang: Lang): string {
  return `${hrefWithLang("/methodology", lang)}#${METHODOLOGY_ANCHORS[topic]}`;
}
