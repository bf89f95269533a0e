// The metric registry against what it points at: both message catalogs, the methodology headings in
// docs/metrics.md and docs/metrics.vi.md, and the columns of mart.commune_month as the migrations
// create them. Pure: the SQL is read as text, no database is opened.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "~/lib/i18n/catalog-en";
import { vi } from "~/lib/i18n/catalog-vi";
import {
  MART_METRIC_IDS,
  METRIC_IDS,
  METRICS,
  metricOf,
  ratioOf,
  type MetricId,
} from "~/lib/metrics/registry";

const ROOT = join(__dirname, "..", "..");
const MIGRATIONS = join(ROOT, "sql", "migrations");
/** The mart's identity columns: its grain, not metrics. */
const IDENTITY_COLUMNS = ["commune_code", "commune_name", "unit_type", "month"];

/** Columns of mart.commune_month in order: the create table, then any later `add column`. */
function martColumns(): string[] {
  const sql = readdirSync(MIGRATIONS)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .map((name) => readFileSync(join(MIGRATIONS, name), "utf8"))
    .join("\n");
  const create = /create table mart\.commune_month \(([\s\S]*?)\n\);/i.exec(sql);
  if (!create) throw new Error("no create table mart.commune_month in sql/migrations");
  const columns = create[1]!
    .split("\n")
    .map((line) =>
      /^\s*([a-z_][a-z0-9_]*)\s+(text|integer|double precision|bigint|numeric)/.exec(line),
    )
    .filter((match) => match !== null)
    .map((match) => match[1]!);
  const added = sql.matchAll(
    /alter table mart\.commune_month\s+add column (?:if not exists )?([a-z_][a-z0-9_]*)/gi,
  );
  return [...columns, ...[...added].map((match) => match[1]!)];
}

function headingIds(file: string): Set<string> {
  const text = readFileSync(join(ROOT, "docs", file), "utf8");
  return new Set([...text.matchAll(/^#+ .*\{#([a-z0-9-]+)\}\s*$/gm)].map((match) => match[1]!));
}

describe("metric registry", () => {
  const catalogs = { vi, en } as Record<string, Record<string, string>>;

  it.each(METRIC_IDS)(
    "%s has a name, a column description and its definition in vi and en",
    (id) => {
      const metric = metricOf(id);
      const keys = [metric.name, metric.column, ...(metric.definition ? [metric.definition] : [])];
      for (const [lang, catalog] of Object.entries(catalogs)) {
        for (const key of keys) {
          expect(catalog[key]?.trim(), `${lang}: ${key}`).toBeTruthy();
        }
      }
      // A name that is the same in both languages is an untranslated copy (or a code left in).
      expect(en[metric.name]).not.toBe(vi[metric.name]);
    },
  );

  it.each(METRIC_IDS)(
    "%s links a heading that exists in docs/metrics.md and metrics.vi.md",
    (id) => {
      const anchor = metricOf(id).anchor;
      expect(headingIds("metrics.md"), "docs/metrics.md").toContain(anchor);
      expect(headingIds("metrics.vi.md"), "docs/metrics.vi.md").toContain(anchor);
    },
  );

  it("lists the mart's metric columns, in the table's order, and nothing the mart lacks", () => {
    const columns = martColumns();
    expect(columns.slice(0, IDENTITY_COLUMNS.length)).toEqual(IDENTITY_COLUMNS);
    expect(MART_METRIC_IDS).toEqual(columns.slice(IDENTITY_COLUMNS.length));
  });

  it("forms every ratio from mart columns (or the reference population)", () => {
    const columns = new Set(martColumns());
    for (const id of METRIC_IDS) {
      const metric = metricOf(id);
      if (metric.kind !== "ratio") continue;
      const terms = [metric.numerator, metric.denominator, ...(metric.minus ? [metric.minus] : [])];
      for (const term of terms) {
        expect(columns.has(term) || term === "population", `${id}: ${term}`).toBe(true);
      }
      // A ratio read from the mart must be formed from counts the mart also holds.
      if (metric.source === "mart") expect(terms.every((term) => columns.has(term))).toBe(true);
    }
  });

  it("shows changes of shares in points and of counts in percent", () => {
    const byKind = (kind: string) =>
      METRIC_IDS.filter((id) => metricOf(id).kind === kind && metricOf(id).format === "percent");
    for (const id of byKind("ratio")) expect(METRICS[id].change, id).toBe("points");
    for (const id of METRIC_IDS.filter((id) => metricOf(id).kind !== "ratio")) {
      expect(["relative", "units"], id).toContain(metricOf(id).change);
    }
  });

  it("marks exactly the demographic figures as suppressible", () => {
    const suppressible: MetricId[] = METRIC_IDS.filter((id) => metricOf(id).suppressible);
    expect(suppressible.sort()).toEqual(
      [
        "cases_elderly",
        "cases_ethnicity_unknown",
        "cases_female",
        "cases_minority",
        "elderly_reach",
        "minority_reach",
      ].sort(),
    );
  });
});

describe("ratioOf", () => {
  it("divides summed counts as docs/metrics.md defines each ratio", () => {
    expect(ratioOf("online_uptake", { dossiers_online: 30, dossiers_total: 120 })).toBe(0.25);
    expect(ratioOf("assisted_online_share", { cases_online: 3, cases: 4 })).toBe(0.75);
    // Completion counts every case that did not end "not completed" (GOV.UK's completed ÷ started).
    expect(ratioOf("completion_rate", { cases: 50, cases_not_completed: 5 })).toBe(0.9);
    expect(ratioOf("cases_per_1000", { cases: 45, population: 9_000 })).toBe(5);
    expect(ratioOf("minority_reach", { cases_minority: 7, cases: 28 })).toBe(0.25);
  });

  it("is null, not 0, without a denominator or a usable population", () => {
    expect(ratioOf("online_uptake", { dossiers_online: 0, dossiers_total: 0 })).toBeNull();
    expect(ratioOf("cases_per_1000", { cases: 12, population: null })).toBeNull();
    expect(ratioOf("cases_per_1000", { cases: 12, population: 0 })).toBeNull();
  });

  it("forms a suppressible share from the count as shown when the viewer's figures are suppressed", () => {
    expect(ratioOf("elderly_reach", { cases_elderly: 9, cases: 7 }, { suppress: true })).toBeNull();
    // 2 is shown as "<8": its share beside the 8 cases would give it back (secondary suppression).
    expect(ratioOf("elderly_reach", { cases_elderly: 2, cases: 8 }, { suppress: true })).toBeNull();
    // 12 is shown as 10, so its share of 40 is 10/40.
    expect(ratioOf("elderly_reach", { cases_elderly: 12, cases: 40 }, { suppress: true })).toBe(
      0.25,
    );
    expect(ratioOf("elderly_reach", { cases_elderly: 2, cases: 7 })).toBeCloseTo(2 / 7, 12);
    // Suppression concerns demographic figures only: uptake from 4 dossiers is still shown.
    expect(
      ratioOf("online_uptake", { dossiers_online: 1, dossiers_total: 4 }, { suppress: true }),
    ).toBe(0.25);
  });
});
