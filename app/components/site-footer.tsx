import { useI18n } from "~/lib/i18n/use-i18n";

export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <p>{t("footer.definitions")}</p>
      <p>{t("footer.boundaries")}</p>
    </footer>
  );
}
