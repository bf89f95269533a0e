// Chooses the UI language for a request: ?lang= wins and is remembered in a cookie; otherwise
// the cookie; otherwise Vietnamese.
import { createCookie } from "@remix-run/node";
import { DEFAULT_LANG, LANG_PARAM, isLang, type Lang } from "./languages";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export const langCookie = createCookie(LANG_PARAM, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: ONE_YEAR_SECONDS,
});

export interface LanguageChoice {
  lang: Lang;
  /** A Set-Cookie value when the request changed the remembered language, else null. */
  setCookie: string | null;
}

export async function resolveLanguage(request: Request): Promise<LanguageChoice> {
  const fromUrl = new URL(request.url).searchParams.get(LANG_PARAM);
  const fromCookie: unknown = await langCookie.parse(request.headers.get("Cookie"));
  const remembered = isLang(fromCookie) ? fromCookie : null;
  if (isLang(fromUrl)) {
    const setCookie = fromUrl === remembered ? null : await langCookie.serialize(fromUrl);
    return { lang: fromUrl, setCookie };
  }
  return { lang: remembered ?? DEFAULT_LANG, setCookie: null };
}
