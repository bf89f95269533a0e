// Journey of the analyst (issue 4), JavaScript on: downloads the overview's ranking in every
// format by clicking its links, the monthly trend and the API's commune × month rows, a commune's
// trend and reach tables and its record-level extract; reads every file back with an independent
// reader (csv-parse, apache-arrow, DuckDB, exceljs) and checks its numbers equal the page's. Then
// the data-quality page with a drill-down into one reject reason, and the methodology.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { ExportFormat } from "~/lib/export/dataset";
import { PAGE_DOWNLOAD_FORMATS } from "~/lib/export/formats";
import { createTranslator } from "~/lib/i18n/translate";
import { saveScreenshot, withPage } from "./support/browser";
import { parseDisplayedNumber } from "./support/displayed-numbers";
import {
  cellNumber,
  clickDownload,
  fetchDownload,
  readDownloaded,
  viMonthLabel,
  type ReadBack,
} from "./support/downloaded-files";
import { countColumnCells, plotFigure, readTableText } from "./support/journey-pages";
import { openFigureTable, readTableBody } from "./support/overview-page";
import { signInAs } from "./support/sign-in";

const vi = createTranslator("vi");
const API_FORMATS = ["csv", "xlsx", "arrow", "parquet", "json"] as const satisfies ExportFormat[];

/** A file's cases summed per month, in month order. */
function casesByMonth(file: ReadBack): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of file.rows) {
    const month = String(row.month);
    sums.set(month, (sums.get(month) ?? 0) + cellNumber(row.cases));
  }
  return new Map([...sums].sort(([a], [b]) => a.localeCompare(b)));
}

function expectCsvContract(file: ReadBack): void {
  if (file.format === "csv") expect(file.hasBom, "CSV opens with a UTF-8 BOM").toBe(true);
}

/** [page month label, cases] pairs of a file with `month` and `cases` columns. */
function monthlyCases(file: ReadBack): [string, number][] {
  return [...casesByMonth(file)].map(([month, cases]) => [viMonthLabel(month), cases]);
}

async function readPeriodInputs(page: Page): Promise<{ from: string; to: string }> {
  return {
    from: await page.locator("#filter-from").inputValue(),
    to: await page.locator("#filter-to").inputValue(),
  };
}

describe("journey: analyst", () => {
  it("downloads every format and finds the page's numbers in each file", async () => {
    await withPage({ javaScriptEnabled: true }, async (page) => {
      await signInAs(page, "analyst");
      const { from, to } = await readPeriodInputs(page);
      expect(from).toMatch(/^\d{4}-\d{2}$/);

      // What the overview shows: the ranking's cases and the monthly totals.
      const ranking = (await readTableBody(page.locator("#ranking table"))).map((row) => ({
        rank: row[0]!,
        name: row[1]!,
        cases: parseDisplayedNumber(row[3]!, "vi"),
      }));
      expect(ranking.length).toBeGreaterThan(100);
      const monthly = (await openFigureTable(page, "figure-cases")).map(
        ([label, cases]) => [label!, parseDisplayedNumber(cases!, "vi")] as [string, number],
      );

      // The ranking in each format, downloaded by clicking the links under it.
      const rankingLinks = page
        .locator("p.download-links")
        .filter({ hasText: vi("downloads.overview.communes") })
        .locator("a");
      expect(await rankingLinks.count()).toBe(PAGE_DOWNLOAD_FORMATS.length);
      for (const [index, format] of PAGE_DOWNLOAD_FORMATS.entries()) {
        const { name, bytes } = await clickDownload(page, rankingLinks.nth(index));
        expect(name).toBe(`cau-noi-so_overview-communes_${from}_${to}.${format}`);
        const file = await readDownloaded(format, bytes);
        expectCsvContract(file);
        expect(file.rows, `${format}: a row per ranked unit`).toHaveLength(ranking.length);
        const byName = new Map(file.rows.map((row) => [String(row.commune_full_name), row]));
        for (const shown of ranking) {
          const row = byName.get(shown.name);
          expect(row, `${format}: ${shown.name}`).toBeDefined();
          expect(cellNumber(row!.cases), `${format}: cases of ${shown.name}`).toBe(shown.cases);
          if (shown.rank !== "—") expect(cellNumber(row!.rank)).toBe(Number(shown.rank));
        }
      }

      // The trend's monthly totals: in the trend download and as sums of the API's rows.
      const trendHref = await page
        .locator("p.download-links")
        .filter({ hasText: vi("downloads.overview.trend") })
        .locator("a")
        .first()
        .getAttribute("href");
      const trend = await readDownloaded("csv", await fetchDownload(page, trendHref!));
      expectCsvContract(trend);
      expect(monthlyCases(trend)).toEqual(monthly);
      for (const format of API_FORMATS) {
        const file = await readDownloaded(
          format,
          await fetchDownload(page, `/api/v1/commune-month.${format}?from=${from}&to=${to}`),
        );
        expectCsvContract(file);
        expect(file.columns.slice(0, 5)).toEqual([
          "commune_code",
          "commune_name",
          "unit_type",
          "month",
          "cases",
        ]);
        expect(monthlyCases(file), `${format}: API sums = the trend's monthly totals`).toEqual(
          monthly,
        );
      }

      // The busiest commune's page: its trend table and reach, against the files.
      const busiest = ranking.reduce((best, row) => (row.cases > best.cases ? row : best));
      await Promise.all([
        page.waitForURL(/\/communes\/\d{5}\b/, { waitUntil: "load" }),
        page.locator("#ranking tbody th a", { hasText: busiest.name }).first().click(),
      ]);
      await expect.poll(() => page.locator("h1").innerText()).toContain(busiest.name);
      const code = /\/communes\/(\d{5})/.exec(page.url())![1]!;
      const summaryCases = parseDisplayedNumber(
        await page.locator("article[aria-labelledby=kpi-cases-name] .kpi__value").innerText(),
        "vi",
      );
      expect(summaryCases, "the commune page agrees with the ranking").toBe(busiest.cases);
      const communeMonthly = (
        await readTableText(plotFigure(page, "commune-figure-uptake").locator("table"))
      ).map(([label, , , , cases]) => [label!, parseDisplayedNumber(cases!, "vi")]);
      const trendLinks = page.locator(
        'section[aria-labelledby="commune-trend-heading"] p.commune-downloads a',
      );
      expect(await trendLinks.count()).toBe(PAGE_DOWNLOAD_FORMATS.length);
      for (const [index, format] of PAGE_DOWNLOAD_FORMATS.entries()) {
        const { bytes } = await clickDownload(page, trendLinks.nth(index));
        const file = await readDownloaded(format, bytes);
        expectCsvContract(file);
        expect(monthlyCases(file), `${format}: the commune's monthly cases`).toEqual(
          communeMonthly,
        );
      }

      // Reach: an analyst sees raw counts, on the page and in the file alike.
      const reachCells = await countColumnCells(
        page,
        'figure[aria-labelledby="commune-figure-reach-title"]',
        vi("commune.reach.cases"),
      );
      expect(reachCells.length).toBeGreaterThan(0);
      const reachHref = await page
        .locator('section[aria-labelledby="commune-reach-heading"] p.commune-downloads a')
        .nth(PAGE_DOWNLOAD_FORMATS.indexOf("parquet"))
        .getAttribute("href");
      const reach = await readDownloaded("parquet", await fetchDownload(page, reachHref!));
      expect(
        reach.rows.filter((row) => row.breakdown === "reach").map((row) => cellNumber(row.cases)),
      ).toEqual(reachCells.map((cell) => parseDisplayedNumber(cell, "vi")));

      // The record-level extract holds one row per case of the commune over the period.
      for (const format of ["csv", "parquet"] as const) {
        const records = await readDownloaded(
          format,
          await fetchDownload(
            page,
            `/api/v1/assistance.${format}?from=${from}&to=${to}&commune=${code}`,
          ),
        );
        expectCsvContract(records);
        expect(records.rows.length, `${format}: records = cases`).toBe(summaryCases);
        expect(new Set(records.rows.map((row) => String(row.commune_code)))).toEqual(
          new Set([code]),
        );
      }
    });
  });

  it("drills into a reject reason on the data-quality page and reads the methodology", async () => {
    await withPage({ javaScriptEnabled: true }, async (page) => {
      await signInAs(page, "analyst", "/quality");
      expect((await page.locator("h1").innerText()).trim()).toBe(vi("quality.title"));
      for (const id of ["batches-heading", "rejects-heading", "completeness-heading"]) {
        expect(await page.locator(`#${id}`).isVisible(), id).toBe(true);
      }
      expect(
        await page.locator('section[aria-labelledby="batches-heading"] tbody tr').count(),
      ).toBeGreaterThan(0);
      const reason = page.locator("table.quality-reasons tbody tr").first();
      const code = (await reason.locator("code").innerText()).trim();
      const rows = parseDisplayedNumber(await reason.locator("td").first().innerText(), "vi");
      expect(rows).toBeGreaterThan(0);
      await saveScreenshot(page, "page-quality");

      await Promise.all([
        page.waitForURL(/\/quality\/rejects\?/, { waitUntil: "load" }),
        reason.locator("th a").click(),
      ]);
      await expect.poll(() => page.locator("h1 code").innerText()).toBe(code);
      const caption = (await page.locator("main table caption").innerText()).trim();
      const total = /(\d[\d.]*)$/.exec(caption)?.[1];
      expect(total === undefined ? NaN : parseDisplayedNumber(total, "vi"), caption).toBe(rows);
      expect(await page.locator("main table tbody tr").count()).toBeGreaterThan(0);
      const rejectsHref = await page.locator("p.download-links a").first().getAttribute("href");
      const rejects = await readDownloaded("csv", await fetchDownload(page, rejectsHref!));
      expectCsvContract(rejects);
      expect(rejects.rows, "the download holds every rejected row of the reason").toHaveLength(
        rows,
      );
      await saveScreenshot(page, "page-quality-rejects");

      const methodology = await page.goto("/methodology");
      expect(methodology?.status()).toBe(200);
      expect((await page.locator("main h1").innerText()).trim()).not.toBe("");
      const headings = await page.locator("main h2").allInnerTexts();
      expect(headings.length, "a section per metric and topic").toBeGreaterThan(5);
      // The table of contents points at headings that exist.
      const targets = await page
        .locator('nav[aria-labelledby="methodology-toc-heading"] a[href^="#"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute("href")!.slice(1)));
      expect(targets.length).toBeGreaterThan(5);
      for (const id of targets) {
        expect(await page.locator(`[id="${id}"]`).count(), `#${id}`).toBe(1);
      }
      expect(await page.locator("main").innerText()).toContain("766");
    });
  });
});
