// docs/metrics.md (English) and docs/metrics.vi.md (Vietnamese) rendered to HTML for /methodology,
// once per process. Headings get ids (an explicit trailing {#id}, so links work in both
// languages, else a slug) and feed a table of contents. The files are ours, but raw HTML in them
// is still printed as text, never passed through, and links may only be http(s), mailto or
// in-page, so a careless edit cannot inject markup or script into the page.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Marked, type Tokens } from "marked";
import type { Lang } from "~/lib/i18n/languages";

export interface TocEntry {
  id: string;
  /** Plain text of the heading. */
  text: string;
  depth: number;
}

export interface MethodologyDoc {
  /** The document's title (its first-level heading). */
  title: string;
  /** Rendered body, without the first-level heading. */
  html: string;
  /** Second- and third-level headings, in order. */
  toc: TocEntry[];
  /** Every heading id, in order (the first-level one included). */
  ids: string[];
}

export const METHODOLOGY_FILES: Record<Lang, string> = {
  vi: "docs/metrics.vi.md",
  en: "docs/metrics.md",
};

const EXPLICIT_ID = /\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$/;
const SAFE_HREF = /^(https?:|mailto:|#)/i;

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Lower-case ASCII slug of a heading: "Online uptake" → "online-uptake". */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Heading text without markdown emphasis and code marks. An underscore inside a word is a
 * character (`mart.commune_month`), not emphasis, so it stays.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/[`*]/g, "")
    .replace(/(^|\W)_+|_+(?=\W|$)/g, "$1")
    .trim();
}

export function renderMethodologyMarkdown(markdown: string): MethodologyDoc {
  const toc: TocEntry[] = [];
  const ids: string[] = [];
  let title = "";
  const used = new Set<string>();
  const marked = new Marked({
    gfm: true,
    renderer: {
      html({ text }: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(text);
      },
      link({ href, tokens }: Tokens.Link) {
        const inner = this.parser.parseInline(tokens);
        return SAFE_HREF.test(href) ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner;
      },
      image({ text }: Tokens.Image) {
        return escapeHtml(text);
      },
      heading({ tokens, depth, text }: Tokens.Heading) {
        const explicit = EXPLICIT_ID.exec(text);
        const label = plainText(text.replace(EXPLICIT_ID, ""));
        let id = explicit ? explicit[1]! : slugify(label) || "section";
        if (used.has(id)) {
          let n = 2;
          while (used.has(`${id}-${n}`)) n += 1;
          id = `${id}-${n}`;
        }
        used.add(id);
        ids.push(id);
        if (depth === 1) {
          if (!title) title = label;
          return "";
        }
        if (depth <= 3) toc.push({ id, text: label, depth });
        const inner = this.parser.parseInline(tokens).replace(EXPLICIT_ID, "");
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
    },
  });
  const html = marked.parse(markdown, { async: false });
  return { title, html, toc, ids };
}

const cache = new Map<Lang, MethodologyDoc>();

/** The methodology in `lang`, read and rendered on first use. */
export function getMethodologyDoc(lang: Lang): MethodologyDoc {
  let doc = cache.get(lang);
  if (!doc) {
    doc = renderMethodologyMarkdown(readFileSync(path.resolve(METHODOLOGY_FILES[lang]), "utf8"));
    cache.set(lang, doc);
  }
  return doc;
}
