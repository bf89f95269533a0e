// The `meta` export of the pages whose loader returns a `title`: that title, or the app's name
// when there is none (the loader threw and the error page renders).
import { vi } from "~/lib/i18n/catalog-vi";

export function titleMeta({ data }: { data: unknown }) {
  const title = (data as { title?: unknown } | undefined)?.title;
  return [{ title: typeof title === "string" ? title : vi["app.name"] }];
}
