// How each commune metric is printed: ratios as percents with one decimal (as in the KPI tiles
// and the trend table), per-capita with one decimal, hours as whole numbers.
import type { MapMetric } from "~/lib/metrics/filter-options";
import type { Formatter } from "./formatter";

export function formatMetricValue(
  metric: MapMetric,
  value: number | null | undefined,
  fmt: Formatter,
): string {
  switch (metric) {
    case "online_uptake":
    case "assisted_online_share":
      return fmt.percent(value, 1);
    case "cases_per_1000":
      return fmt.decimal(value, 1);
    case "volunteer_hours":
      return fmt.integer(value);
  }
}
