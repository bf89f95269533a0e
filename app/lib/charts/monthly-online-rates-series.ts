// Colours, dashes and point shapes of the two online-share lines, shared by the chart and its
// HTML legend. Free of Plot, so the legend can render in the browser without it.
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import { METRICS } from "~/lib/metrics/registry";

export type RateKey = "online_uptake" | "assisted_online_share";

export interface RateSeries {
  key: RateKey;
  name_key: MessageKey;
  /** Blue and orange stay distinguishable with every common colour-vision deficiency. */
  color: string;
  dash: string | undefined;
  symbol: "circle" | "square";
}

export const ONLINE_RATE_SERIES: readonly RateSeries[] = [
  {
    key: "online_uptake",
    name_key: METRICS.online_uptake.name,
    color: "#1f5f9e",
    dash: undefined,
    symbol: "circle",
  },
  {
    key: "assisted_online_share",
    name_key: METRICS.assisted_online_share.name,
    color: "#b35806",
    dash: "6 3",
    symbol: "square",
  },
];
