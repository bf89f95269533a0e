// The frame of a page's filters: a heading for screen readers and a <details> whose summary is
// one line naming the filters in force. On a phone the fields stay folded behind that line (no
// JavaScript needed), so the first screen shows the figures; wider screens always show them
// (app.css).
import type { ReactNode } from "react";
import { useI18n } from "~/lib/i18n/use-i18n";

export interface FilterPanelProps {
  headingId: string;
  /** What the filters currently select, each part already in the reader's language. */
  current: readonly string[];
  children: ReactNode;
}

export function FilterPanel({ headingId, current, children }: FilterPanelProps) {
  const { t } = useI18n();
  return (
    <section className="filters" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t("filter.legend")}
      </h2>
      <details className="filters__fold">
        <summary className="filters__summary">
          {t("filter.summary", { filters: current.join(" · ") })}
        </summary>
        {children}
      </details>
    </section>
  );
}
