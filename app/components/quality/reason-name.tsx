// The name of a reject reason in the reader's language, or "Other reason (code)".
import { useI18n } from "~/lib/i18n/use-i18n";
import { reasonLabelKey } from "~/pages/quality/reason-labels";

export function useReasonName(): (code: string) => string {
  const { t } = useI18n();
  return (code) => {
    const key = reasonLabelKey(code);
    return key ? t(key) : t("quality.reason.unknown", { code });
  };
}
