// What a reader sees on the province overview, read from the live page, and the checks every
// overview journey repeats: tiles in the right number format, server-rendered figures with a
// title and description, the "?" definitions, and the tables that must agree with the charts
// and the tiles. Numbers are compared with each other, never with constants: the sample data
// depends on the day it was generated.
import { parseHTML } from "linkedom";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import type { Lang } from "~/lib/i18n/languages";
import { createTranslator } from "~/lib/i18n/translate";
import { ONLINE_RATE_SERIES } from "~/lib/charts/monthly-online-rates-series";
import { MAP_METRICS, type MapMetric } from "~/lib/filters/filter-options";
import { KPI_CHANGE_KIND, KPI_IDS, type KpiId } from "~/lib/metrics/kpis";
import { METRICS } from "~/lib/metrics/registry";
import {
  INTEGER_PATTERN,
  PERCENT_PATTERN,
  parseDisplayedNumber,
  parseDisplayedPercent,
} from "./displayed-numbers";

export const FIGURE_IDS = ["figure-cases", "figure-rates", "figure-map"] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

/** Half a percentage point (rounding to whole percents) plus float slack. */
const WHOLE_PERCENT_TOLERANCE = 0.0051;
/** Half of 0.1 percentage point (one-decimal percents) plus float slack. */
const ONE_DECIMAL_PERCENT_TOLERANCE = 0.00051;

export function figure(page: Page, id: FigureId) {
  return page.locator(`figure.plot-figure[aria-labelledby="${id}-title"]`);
}

export async function readHtmlLang(page: Page): Promise<string | null> {
  return page.locator("html").getAttribute("lang");
}

/** The "Kỳ báo cáo: … (N tháng)" line, and N. */
export async function readPeriod(page: Page): Promise<{ text: string; months: number }> {
  const text = (await page.locator(".overview__period").innerText()).trim();
  const match = /\((\d+) (?:tháng|months?)\)/.exec(text);
  if (!match) throw new Error(`period line without a month count: "${text}"`);
  return { text, months: Number(match[1]) };
}

export async function readKpiValues(page: Page): Promise<Record<KpiId, string>> {
  const entries = await Promise.all(
    KPI_IDS.map(async (id) => {
      const tile = page.locator(`article.kpi[aria-labelledby="kpi-${id}-name"]`);
      return [id, (await tile.locator(".kpi__value").innerText()).trim()] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<KpiId, string>;
}

/** Opens the figure's "show table" disclosure and returns its body rows as cell texts. */
export async function openFigureTable(page: Page, id: FigureId): Promise<string[][]> {
  const details = figure(page, id).locator("details.plot-figure__table");
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  const table = details.locator("table");
  await table.waitFor({ state: "visible" });
  return readTableBody(table);
}

/** Body rows as cell texts; one call per table, not one per cell (the ranking has 124 rows). */
export async function readTableBody(table: Locator): Promise<string[][]> {
  const columns = await table.locator("thead th").count();
  const cells = (await table.locator("tbody tr > *").allInnerTexts()).map((cell) => cell.trim());
  expect(cells.length % columns, "every body row has a cell per column").toBe(0);
  const rows: string[][] = [];
  for (let start = 0; start < cells.length; start += columns) {
    rows.push(cells.slice(start, start + columns));
  }
  return rows;
}

export async function readRanking(page: Page): Promise<{ name: string; value: string }[]> {
  const table = page.locator("#ranking table");
  const headers = await table
    .locator("thead th")
    .evaluateAll((cells) => cells.map((cell) => cell.classList.contains("is-sorted")));
  const sorted = headers.indexOf(true);
  expect(sorted, "the ranking marks its sorted column").toBeGreaterThan(-1);
  // Columns: rank, unit, type, cases, then the metrics.
  return (await readTableBody(table)).map((row) => ({ name: row[1]!, value: row[sorted]! }));
}

/** The figures as the server sent them: SVG present before any script runs. */
export function expectServerRenderedFigures(html: string): void {
  const { document } = parseHTML(html);
  for (const id of FIGURE_IDS) {
    const element = document.querySelector(`figure.plot-figure[aria-labelledby="${id}-title"]`);
    expect(element, `${id} in the server HTML`).not.toBeNull();
    const title = element!.querySelector(`#${id}-title`)?.textContent?.trim() ?? "";
    const description = element!.querySelector(`#${id}-description`)?.textContent?.trim() ?? "";
    expect(title, `${id} title`).not.toBe("");
    expect(description.length, `${id} description`).toBeGreaterThan(20);
    const svgs = element!.querySelectorAll(".plot-figure__chart svg");
    expect(svgs.length, `${id} SVG in the server HTML`).toBeGreaterThan(0);
  }
  const rankingRows = document.querySelectorAll("#ranking tbody tr").length;
  const mapPaths = document.querySelectorAll(
    'figure[aria-labelledby="figure-map-title"] .plot-figure__chart svg path',
  ).length;
  // One outline per unit of the province; units outside a filter are drawn too, in grey.
  expect(rankingRows).toBeGreaterThan(0);
  expect(mapPaths, "map shapes").toBeGreaterThanOrEqual(rankingRows);
}

function expectKpiFormats(values: Record<KpiId, string>, lang: Lang): void {
  for (const id of KPI_IDS) {
    const pattern =
      KPI_CHANGE_KIND[id] === "points" ? PERCENT_PATTERN[lang] : INTEGER_PATTERN[lang];
    expect(values[id], `KPI ${id} in ${lang} format`).toMatch(pattern);
  }
  // Thousands and decimal separators must actually appear, not just be allowed.
  const separators =
    lang === "vi" ? { thousands: ".", decimal: "," } : { thousands: ",", decimal: "." };
  expect(values.cases, "cases use a thousands separator").toContain(separators.thousands);
  const percents = KPI_IDS.filter((id) => KPI_CHANGE_KIND[id] === "points").map((id) => values[id]);
  expect(
    percents.some((value) => value.includes(separators.decimal)),
    `a one-decimal percent among ${percents.join(" ")}`,
  ).toBe(true);
}

async function expectKpiDefinitionOpens(page: Page, id: KpiId, lang: Lang): Promise<void> {
  const t = createTranslator(lang);
  const tile = page.locator(`article.kpi[aria-labelledby="kpi-${id}-name"]`);
  const definition = page.locator(`#kpi-${id}-definition`);
  expect(await definition.isVisible(), "definition hidden before the click").toBe(false);
  await tile.locator("details.kpi__help summary").click();
  await definition.waitFor({ state: "visible" });
  expect((await definition.innerText()).trim()).toBe(t(METRICS[id].definition));
}

function expectCasesDescriptionMatchesTable(description: string, rows: string[][], lang: Lang) {
  const t = createTranslator(lang);
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const busiest = rows.reduce((best, row) =>
    parseDisplayedNumber(row[1]!, lang) > parseDisplayedNumber(best[1]!, lang) ? row : best,
  );
  expect(description).toBe(
    t("chart.cases.description", {
      firstValue: first[1]!,
      firstMonth: first[0]!,
      lastValue: last[1]!,
      lastMonth: last[0]!,
      maxValue: busiest[1]!,
      maxMonth: busiest[0]!,
    }),
  );
}

// rates table columns: month, dossiers online, dossiers total, uptake, cases online, cases, share
const RATE_COLUMN = { online_uptake: 3, assisted_online_share: 6 } as const;

function expectRatesDescriptionMatchesTable(description: string, rows: string[][], lang: Lang) {
  const t = createTranslator(lang);
  for (const series of ONLINE_RATE_SERIES) {
    const name = t(series.name_key);
    const column = RATE_COLUMN[series.key];
    const known = rows.filter((row) => row[column] !== "—");
    const first = known[0]!;
    const last = known[known.length - 1]!;
    const sentence = description.split(/(?<=\.) /).find((part) => part.startsWith(`${name} `));
    expect(sentence, `sentence about ${name} in "${description}"`).toBeDefined();
    const values = [...sentence!.matchAll(/(\d[\d.,]*%) \(/g)].map((match) => match[1]!);
    expect(values, `two values in "${sentence}"`).toHaveLength(2);
    const [fromValue, toValue] = values as [string, string];
    const fromTable = parseDisplayedPercent(first[column]!, lang);
    const toTable = parseDisplayedPercent(last[column]!, lang);
    expect(Math.abs(parseDisplayedPercent(fromValue, lang) - fromTable)).toBeLessThanOrEqual(
      WHOLE_PERCENT_TOLERANCE,
    );
    expect(Math.abs(parseDisplayedPercent(toValue, lang) - toTable)).toBeLessThanOrEqual(
      WHOLE_PERCENT_TOLERANCE,
    );
    const params = { name, fromValue, toValue, fromMonth: first[0]!, toMonth: last[0]! };
    const key = toTable > fromTable ? "chart.rates.rose" : "chart.rates.fell";
    expect(sentence).toBe(t(key, params));
  }
}

function sumColumn(rows: string[][], column: number, lang: Lang): number {
  return rows.reduce((sum, row) => sum + parseDisplayedNumber(row[column]!, lang), 0);
}

function expectRatioCell(cell: string, numerator: number, denominator: number, lang: Lang) {
  expect(
    Math.abs(parseDisplayedPercent(cell, lang) - numerator / denominator),
    `${cell} vs ${numerator} ÷ ${denominator}`,
  ).toBeLessThanOrEqual(ONE_DECIMAL_PERCENT_TOLERANCE);
}

async function expectMapMatchesRanking(page: Page, lang: Lang, monthLabels: [string, string]) {
  const t = createTranslator(lang);
  const metric = (await page.locator("#filter-metric").inputValue()) as MapMetric;
  expect(MAP_METRICS).toContain(metric);
  const title = (await page.locator("#figure-map-title").innerText()).trim();
  expect(title).toBe(
    t("chart.map.title", {
      metric: t(METRICS[metric].name),
      from: monthLabels[0],
      to: monthLabels[1],
    }),
  );
  const ranking = await readRanking(page);
  const valued = ranking.filter((row) => row.value !== "—");
  const highest = valued[0]!;
  const lowest = valued[valued.length - 1]!;
  // Units that print the same lowest value may differ in the unrounded one.
  const lowestNames = valued.filter((row) => row.value === lowest.value).map((row) => row.name);
  const missing = ranking.length - valued.length;
  const description = (await page.locator("#figure-map-description").innerText()).trim();
  const expected = lowestNames.map(
    (minName) =>
      t("chart.map.description", {
        maxName: highest.name,
        maxValue: highest.value,
        minName,
        minValue: lowest.value,
      }) + (missing > 0 ? ` ${t("chart.map.missingCount", { count: missing })}` : ""),
  );
  expect(expected, "map description agrees with the ranking table").toContain(description);
  return ranking.length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export interface OverviewReading {
  period: { text: string; months: number };
  kpis: Record<KpiId, string>;
  casesRows: string[][];
}

/**
 * Everything journey 1 asks of the overview, in the page's current state and language: works the
 * same with JavaScript on or off. Opens the "?" of the cases tile and both trend tables.
 */
export async function expectOverviewIntact(page: Page, lang: Lang): Promise<OverviewReading> {
  const t = createTranslator(lang);
  expect(await readHtmlLang(page)).toBe(lang);
  const heading = (await page.locator("h1").innerText()).trim();
  expect(heading).toMatch(lang === "vi" ? /^Tổng quan \S/ : /\S overview$/);

  const period = await readPeriod(page);
  const kpis = await readKpiValues(page);
  expectKpiFormats(kpis, lang);

  for (const id of FIGURE_IDS) {
    const element = figure(page, id);
    expect((await element.locator(`#${id}-title`).innerText()).trim(), `${id} title`).not.toBe("");
    expect(
      (await element.locator(`#${id}-description`).innerText()).trim().length,
      `${id} description`,
    ).toBeGreaterThan(20);
    expect(
      await element.locator(".plot-figure__chart svg:visible").last().isVisible(),
      `${id} svg`,
    ).toBe(true);
  }

  await expectKpiDefinitionOpens(page, "cases", lang);

  const casesRows = await openFigureTable(page, "figure-cases");
  expect(casesRows, "one table row per month of the period").toHaveLength(period.months);
  const casesDescription = (await page.locator("#figure-cases-description").innerText()).trim();
  expectCasesDescriptionMatchesTable(casesDescription, casesRows, lang);
  expect(sumColumn(casesRows, 1, lang), "cases tile = sum of the monthly table").toBe(
    parseDisplayedNumber(kpis.cases, lang),
  );

  const ratesRows = await openFigureTable(page, "figure-rates");
  expect(ratesRows.map((row) => row[0])).toEqual(casesRows.map((row) => row[0]));
  expect(ratesRows.map((row) => row[5])).toEqual(casesRows.map((row) => row[1]));
  const ratesDescription = (await page.locator("#figure-rates-description").innerText()).trim();
  expectRatesDescriptionMatchesTable(ratesDescription, ratesRows, lang);
  for (const row of ratesRows) {
    expectRatioCell(
      row[3]!,
      parseDisplayedNumber(row[1]!, lang),
      parseDisplayedNumber(row[2]!, lang),
      lang,
    );
    expectRatioCell(
      row[6]!,
      parseDisplayedNumber(row[4]!, lang),
      parseDisplayedNumber(row[5]!, lang),
      lang,
    );
  }
  // The tiles are ratios of the period's sums, not averages of the monthly ratios.
  expectRatioCell(
    kpis.online_uptake,
    sumColumn(ratesRows, 1, lang),
    sumColumn(ratesRows, 2, lang),
    lang,
  );
  expectRatioCell(
    kpis.assisted_online_share,
    sumColumn(ratesRows, 4, lang),
    sumColumn(ratesRows, 5, lang),
    lang,
  );

  const units = await expectMapMatchesRanking(page, lang, [
    casesRows[0]![0]!,
    casesRows[casesRows.length - 1]![0]!,
  ]);
  const reportingNote = (
    await page
      .locator('article.kpi[aria-labelledby="kpi-communes_reporting-name"] .kpi__note')
      .innerText()
  ).trim();
  const [beforeMonth] = t("kpi.ofTotal", { total: units, month: "\u0000" }).split("\u0000");
  expect(reportingNote, "units total = rows of the ranking").toMatch(
    new RegExp(`^${escapeRegExp(beforeMonth!)}\\S`),
  );
  expect(parseDisplayedNumber(kpis.communes_reporting, lang)).toBeLessThanOrEqual(units);
  return { period, kpis, casesRows };
}

/** Waits until the period line differs from `previous` (a navigation has rendered). */
export async function waitForPeriodChange(page: Page, previous: string): Promise<string> {
  await expect
    .poll(async () => (await readPeriod(page)).text, { timeout: 15_000 })
    .not.toBe(previous);
  return (await readPeriod(page)).text;
}

/** The page's URL parameters, without the origin. */
export function searchParamsOf(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}
