// A table that may be wider than the screen scrolls sideways inside this region: focusable, so a
// keyboard can scroll it, and named "Bảng: …" ("Table: …"), so a screen reader says which table
// it holds without repeating the name of the section around it. The first column stays in view
// while it scrolls (app.css).
import type { ReactNode } from "react";
import { useI18n } from "~/lib/i18n/use-i18n";

export interface TableScrollProps {
  /** What the table shows, e.g. the heading of its section. */
  label: string;
  children: ReactNode;
}

export function TableScroll({ label, children }: TableScrollProps) {
  const { t } = useI18n();
  return (
    <div
      className="table-scroll"
      role="region"
      tabIndex={0}
      aria-label={t("table.region", { name: label })}
    >
      {children}
    </div>
  );
}
