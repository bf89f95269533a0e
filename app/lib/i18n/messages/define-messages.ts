// Each area of the app keeps its UI strings in its own module (messages/<area>.ts) so that work on
// one page never edits another's strings. The English object must have exactly the Vietnamese
// keys; the catalogs spread every area in.
export function defineMessages<const V extends Record<string, string>>(
  vi: V,
  en: { [K in keyof V]: string },
): { vi: V; en: { [K in keyof V]: string } } {
  return { vi, en };
}
