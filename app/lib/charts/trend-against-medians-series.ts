// Colours, dashes and point shapes of the commune trend lines (this unit, peer median, province
// median), shared by the chart and its HTML legend. Free of Plot, so the legend can render in the
// browser without it.
import type { MessageKey } from "~/lib/i18n/catalog-vi";

export type TrendSeriesKey = "own" | "peer_median" | "province_median";

export interface TrendSeries {
  key: TrendSeriesKey;
  name_key: MessageKey;
  color: string;
  dash: string | undefined;
  symbol: "circle" | "square" | "triangle";
}

// Blue, orange and dark grey stay apart under every common colour-vision deficiency; all three
// reach 3:1 against white (WCAG non-text contrast).
export const TREND_SERIES: readonly TrendSeries[] = [
  {
    key: "own",
    name_key: "commune.series.own",
    color: "#1f5f9e",
    dash: undefined,
    symbol: "circle",
  },
  {
    key: "peer_median",
    name_key: "commune.series.peerMedian",
    color: "#b35806",
    dash: "6 3",
    symbol: "square",
  },
  {
    key: "province_median",
    name_key: "commune.series.provinceMedian",
    color: "#595959",
    dash: "2 3",
    symbol: "triangle",
  },
];
