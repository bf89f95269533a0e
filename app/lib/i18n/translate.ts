// Looks up UI strings in the language's catalog and fills {placeholders}.
import { en } from "./catalog-en";
import { vi, type Catalog, type MessageKey } from "./catalog-vi";
import type { Lang } from "./languages";

export type MessageParams = Record<string, string | number>;
export type Translator = (key: MessageKey, params?: MessageParams) => string;

const CATALOGS: Record<Lang, Catalog> = { vi, en };
const PLACEHOLDER = /\{(\w+)\}/g;

export function getCatalog(lang: Lang): Catalog {
  return CATALOGS[lang];
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && Object.hasOwn(vi, value);
}

/** The {placeholder} names a message uses, in order of appearance. */
export function listPlaceholders(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

export function createTranslator(lang: Lang): Translator {
  const catalog = CATALOGS[lang];
  return (key, params) => {
    const message = catalog[key];
    if (!params) return message;
    // An unknown placeholder stays visible rather than silently disappearing.
    return message.replace(PLACEHOLDER, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  };
}
