// A table that may be wider than the screen scrolls sideways inside this region: focusable, so a
// keyboard can scroll it, and named, so a screen reader says which table it holds. The first
// column stays in view while it scrolls (app.css).
import type { ReactNode } from "react";

export type TableScrollProps = { children: ReactNode } & (
  { label: string; labelledBy?: undefined } | { labelledBy: string; label?: undefined }
);

export function TableScroll({ label, labelledBy, children }: TableScrollProps) {
  return (
    <div
      className="table-scroll"
      role="region"
      tabIndex={0}
      aria-label={label}
      aria-labelledby={labelledBy}
    >
      {children}
    </div>
  );
}
