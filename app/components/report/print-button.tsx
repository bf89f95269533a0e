// "Print / Save as PDF": a convenience once the page is hydrated. Without JavaScript the button is
// not rendered at all (it could do nothing); the hint beside it explains the browser's own Print.
import { useEffect, useState } from "react";
import { useI18n } from "~/lib/i18n/use-i18n";

export function PrintButton() {
  const { t } = useI18n();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  return (
    <button type="button" className="report__print-button" onClick={() => window.print()}>
      {t("report.printButton")}
    </button>
  );
}
