// The heading ids of /methodology that pages link to ("?" disclosures, table rows). docs/metrics.md
// and docs/metrics.vi.md give these headings the same explicit ids ({#id}), so one link works in
// both languages; a test checks that every id here exists in both files.
import type { Lang } from "~/lib/i18n/languages";
import { hrefWithLang } from "~/lib/http/href";
import { METRIC_IDS, METRICS, type MetricId } from "./registry";

// Metrics link to the heading the registry names; the other topics are page sections.
const METRIC_ANCHORS = Object.fromEntries(
  METRIC_IDS.map((id) => [id, METRICS[id].anchor]),
) as Record<MetricId, string>;

export const METHODOLOGY_ANCHORS = {
  ...METRIC_ANCHORS,
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
