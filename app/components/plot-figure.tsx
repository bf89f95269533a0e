// A server-rendered Plot chart as an accessible figure: title, one-sentence description, the
// SVG, and a "show table" disclosure with the same numbers (or a pointer to them).
import type { ReactNode } from "react";
import { useI18n } from "~/lib/i18n/use-i18n";
import { TableScroll } from "./table-scroll";

export interface PlotFigureProps {
  id: string;
  title: string;
  description: string;
  /** Markup produced by render-plot.server.ts from our own data. */
  html: string;
  legend?: ReactNode;
  notes?: ReactNode;
  /** The table alternative, shown inside a <details>. */
  table?: ReactNode;
  /**
   * The chart holds links (the map): a group, not an image, whose children are presentational
   * and so would hide the links from screen readers.
   */
  interactive?: boolean;
  /**
   * Keep the chart at its own size and let it scroll sideways where the column is narrower (a
   * grid of every commune and month, unreadable when shrunk to a phone); the chart is then a
   * focusable region, so a keyboard can scroll it.
   */
  scrollable?: boolean;
}

export function PlotFigure({
  id,
  title,
  description,
  html,
  legend,
  notes,
  table,
  interactive = false,
  scrollable = false,
}: PlotFigureProps) {
  return (
    <FigureFrame id={id} title={title} description={description} table={table}>
      {legend}
      <div
        className={
          scrollable ? "plot-figure__chart plot-figure__chart--scroll" : "plot-figure__chart"
        }
        tabIndex={scrollable ? 0 : undefined}
        role={interactive ? "group" : "img"}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        dangerouslySetInnerHTML={{ __html: html }}
      />
      {notes}
    </FigureFrame>
  );
}

export interface FigureFrameProps {
  id: string;
  title: string;
  description: string;
  /** Added to "plot-figure" on the <figure>. */
  className?: string;
  /** The table alternative, shown inside a <details>. */
  table?: ReactNode;
  /** The chart (or charts) between the caption and the table. */
  children: ReactNode;
}

/** The frame every figure shares: the captioned title and description, then the "show table". */
export function FigureFrame({
  id,
  title,
  description,
  className,
  table,
  children,
}: FigureFrameProps) {
  const { t } = useI18n();
  return (
    <figure
      className={className ? `plot-figure ${className}` : "plot-figure"}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
    >
      <figcaption>
        <h3 id={`${id}-title`} className="plot-figure__title">
          {title}
        </h3>
        <p id={`${id}-description`} className="plot-figure__description">
          {description}
        </p>
      </figcaption>
      {children}
      {table ? (
        <details className="plot-figure__table">
          <summary>{t("chart.showTable")}</summary>
          <TableScroll label={title}>{table}</TableScroll>
        </details>
      ) : null}
    </figure>
  );
}

export interface LegendSwatch {
  label: string;
  /** An inline SVG drawing of the swatch, 28 × 12 px. */
  swatch: ReactNode;
}

export function SwatchLegend({ items }: { items: readonly LegendSwatch[] }) {
  return (
    <ul className="swatch-legend">
      {items.map((item) => (
        <li key={item.label}>
          <svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true">
            {item.swatch}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
