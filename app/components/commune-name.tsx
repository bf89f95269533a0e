// A commune's name as a link to its page when the viewer may open that page, as plain text
// otherwise (a secretary sees other communes in rankings and lists but cannot open them). Lists,
// tables and the map draw commune names through this one rule (ADR 018).
import { buildHref } from "~/lib/http/href";
import { useI18n } from "~/lib/i18n/use-i18n";
import { PageLink } from "./page-link";

export interface CommuneNameProps {
  code: string;
  name: string;
  /** A query whose page parameters the link keeps (period, procedure group). */
  search?: string | URLSearchParams;
}

/** The path of a commune's page. */
export function communePath(code: string): string {
  return `/communes/${encodeURIComponent(code)}`;
}

export function CommuneName({ code, name, search = "" }: CommuneNameProps) {
  const { lang } = useI18n();
  return <PageLink to={buildHref(communePath(code), search, {}, lang)}>{name}</PageLink>;
}
