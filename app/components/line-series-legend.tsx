// The legend of a line chart drawn in colour, dash and point shape: each series as a short line
// with its marker, so the lines tell apart without colour too. The series lists live beside their
// charts (lib/charts/*-series.ts), which draw the same colours, dashes and shapes.
import type { MessageKey } from "~/lib/i18n/catalog-vi";
import { useI18n } from "~/lib/i18n/use-i18n";
import { SwatchLegend } from "./plot-figure";

export interface LegendSeries {
  name_key: MessageKey;
  color: string;
  dash: string | undefined;
  symbol: "circle" | "square" | "triangle";
}

export function LineSeriesLegend({ series }: { series: readonly LegendSeries[] }) {
  const { t } = useI18n();
  return (
    <SwatchLegend
      items={series.map((line) => ({
        label: t(line.name_key),
        swatch: (
          <>
            <line
              x1="1"
              y1="6"
              x2="27"
              y2="6"
              stroke={line.color}
              strokeWidth="2"
              strokeDasharray={line.dash}
            />
            {line.symbol === "circle" ? (
              <circle cx="14" cy="6" r="3.5" fill={line.color} />
            ) : line.symbol === "square" ? (
              <rect x="10.5" y="2.5" width="7" height="7" fill={line.color} />
            ) : (
              <path d="M14 2 L18 10 L10 10 Z" fill={line.color} />
            )}
          </>
        ),
      }))}
    />
  );
}
