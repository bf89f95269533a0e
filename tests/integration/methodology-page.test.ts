// The methodology page renders docs/metrics.md (en) and docs/metrics.vi.md (vi): every heading of
// each file, read here independently of marked, must appear with its id and in the contents; both
// files carry the ids other pages link to; raw HTML in the Markdown is never passed through.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMethodologyMarkdown } from "~/lib/methodology/methodology-doc.server";
import { METHODOLOGY_ANCHORS } from "~/lib/metrics/methodology-anchors";
import { loader } from "~/routes/methodology";
import { createUserWithSession, requestAs, type TestIdentity } from "../support/auth";
import { createTestDatabase, engineName, type TestDatabase } from "../support/test-db";

type PageData = Awaited<ReturnType<Awaited<ReturnType<typeof loader>>["json"]>>;

interface SourceHeading {
  depth: number;
  text: string;
  id: string | null;
}

/** ATX headings outside fenced code blocks, with their explicit {#id} when there is one. */
function headingsOf(markdown: string): SourceHeading[] {
  const headings: SourceHeading[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    const match = fenced ? null : /^(#{1,6})\s+(.*?)\s*$/.exec(line);
    if (!match) continue;
    const explicit = /\s*\{#([a-z0-9-]+)\}$/.exec(match[2]!);
    headings.push({
      depth: match[1]!.length,
      text: match[2]!.replace(/\s*\{#[a-z0-9-]+\}$/, "").replace(/[`*]/g, ""),
      id: explicit ? explicit[1]! : null,
    });
  }
  return headings;
}

const FILES = { en: "docs/metrics.md", vi: "docs/metrics.vi.md" } as const;

describe(`methodology page (${engineName})`, () => {
  let t: TestDatabase;
  let leader: TestIdentity;
  beforeAll(async () => {
    t = await createTestDatabase();
    leader = await createUserWithSession(t.db, "leader");
  });
  afterAll(async () => {
    await t?.close();
  });

  async function load(lang: "vi" | "en"): Promise<PageData> {
    const response = await loader({
      request: requestAs(leader, `/methodology?lang=${lang}`),
      params: {},
      context: {},
    });
    expect(response.status).toBe(200);
    return response.json();
  }

  it.each(["en", "vi"] as const)(
    "renders every heading of the %s file with its id",
    async (lang) => {
      const page = await load(lang);
      expect(page.lang).toBe(lang);
      expect(page.file).toBe(FILES[lang]);
      const source = headingsOf(readFileSync(FILES[lang], "utf8"));
      expect(source.length).toBeGreaterThan(30);
      expect(page.ids).toHaveLength(source.length);
      // An underscore inside a name is kept (the contents once read "mart.communemonth").
      expect(page.toc.map((entry) => entry.text).join("|")).toContain("mart.commune_month");
      const [title, ...rest] = source;
      expect(page.title).toBe(title!.text);
      for (const heading of rest) {
        // Every heading in this file is given an explicit id, so links survive translation.
        expect(heading.id, heading.text).not.toBeNull();
        expect(page.html).toContain(`<h${heading.depth} id="${heading.id}">`);
        if (heading.depth <= 3) {
          expect(page.toc).toContainEqual({
            id: heading.id,
            text: heading.text,
            depth: heading.depth,
          });
        }
      }
    },
  );

  it("gives both languages the same heading ids, including every one other pages link to", () => {
    const en = headingsOf(readFileSync(FILES.en, "utf8")).map((heading) => heading.id);
    const vi = headingsOf(readFileSync(FILES.vi, "utf8")).map((heading) => heading.id);
    expect(vi).toEqual(en);
    for (const anchor of Object.values(METHODOLOGY_ANCHORS)) expect(en).toContain(anchor);
  });

  it("documents the suppression rule and Decision 766 indicator 3.3 in both languages", async () => {
    for (const lang of ["en", "vi"] as const) {
      const { html } = await load(lang);
      expect(html).toContain("&lt;8");
      expect(html).toMatch(/3\.3/);
      expect(html).toContain("GOV.UK");
      expect(html).toContain("50 %");
    }
  });

  it("prints raw HTML as text and drops unsafe links", () => {
    const doc = renderMethodologyMarkdown(
      [
        "# Title",
        "",
        "<script>alert(1)</script>",
        "",
        "## Section <img src=x onerror=alert(1)> {#section}",
        "",
        'Text with <b onclick="x()">inline</b> HTML, [bad](javascript:alert(1)), [good](#section) and [web](https://example.org).',
        "",
      ].join("\n"),
    );
    // Only escaped text remains of the tags; no element or javascript: link is produced.
    expect(doc.html).not.toMatch(/<(script|img|b)[\s>]|href="javascript:/i);
    expect(doc.html).toContain("&lt;b onclick=&quot;x()&quot;&gt;inline&lt;/b&gt;");
    expect(doc.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(doc.html).toContain('<h2 id="section">');
    expect(doc.html).toContain('<a href="#section">good</a>');
    expect(doc.html).toContain('<a href="https://example.org">web</a>');
    expect(doc.html).toContain("bad");
    expect(doc.toc).toEqual([
      { id: "section", text: "Section <img src=x onerror=alert(1)>", depth: 2 },
    ]);
  });

  it("sends an anonymous reader to sign in", async () => {
    const thrown = await loader({
      request: requestAs(null, "/methodology"),
      params: {},
      context: {},
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(302);
  });
});
