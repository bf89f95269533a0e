// English UI strings; same keys and placeholders as catalog-vi.ts.
import type { Catalog } from "./catalog-vi";

export const en = {
  "app.name": "Cầu Nối Số",
  "app.tagline": "Tracking volunteer help with online public services",
  "nav.skip": "Skip to main content",
  "lang.switch.label": "Language",
  "lang.name.vi": "Tiếng Việt",
  "lang.name.en": "English",

  "header.asOf": "Data as of {time}",
  "header.lastBatch": "last import batch #{batch}",
  "footer.boundaries":
    "Commune boundaries: 2025 administrative map (thanglequoc/vietnamese-provinces-database, MIT; source data sapnhap.bando.com.vn), simplified for display.",
  "footer.definitions": "Every indicator has a “?” that explains how it is computed.",

  "overview.heading": "{province} overview",
  "overview.metaTitle": "{province} overview — Cầu Nối Số",
  "overview.period": "Period: {from} – {to} ({months} months)",
  "overview.unitFilter": "Only: {unitType}",
  "overview.clamped": "The period was limited to the months the data covers ({first} – {last}).",
  "overview.noData":
    "There is no data for this province yet. Import data files (npm run etl) and reload the page.",
  "overview.kpiHeading": "Key indicators",
  "overview.trendHeading": "Monthly trend",
  "overview.mapHeading": "Commune map",

  "filter.legend": "Filters",
  "filter.presets": "Quick periods",
  "filter.preset.3m": "Last 3 months",
  "filter.preset.6m": "Last 6 months",
  "filter.preset.12m": "Last 12 months",
  "filter.preset.ytd": "This year",
  "filter.preset.since_merger": "Since July 2025 (merger)",
  "filter.from": "From month",
  "filter.to": "To month",
  "filter.monthHint": "as YYYY-MM, e.g. 2025-07",
  "filter.unitType": "Unit type",
  "filter.unitType.all": "All",
  "filter.metric": "Indicator on the map and ranking",
  "filter.apply": "Apply",
  "filter.reset": "Reset",

  "filter.error.month": "must be a month as YYYY-MM, e.g. 2025-07",
  "filter.error.period": "must be one of 3m, 6m, 12m, ytd, since_merger",
  "filter.error.unit_type": "must be phuong, xa or dac_khu",
  "filter.error.metric":
    "must be online_uptake, assisted_online_share, cases_per_1000 or volunteer_hours",
  "filter.error.period_and_range": "cannot be combined with from/to; choose one",
  "filter.error.from_after_to": "the start month must not be after the end month",
  "filter.error.repeated": "must be given only once",
  "filter.error.outside_coverage": "is outside the months the data covers ({first} – {last})",
  "filter.error.invalid": "is not valid",

  "unitType.phuong": "Ward",
  "unitType.xa": "Commune",
  "unitType.dac_khu": "Special zone",

  "metric.cases.name": "Assisted cases",
  "metric.cases.definition":
    "Number of times a volunteer helped a citizen with one procedure (one assistance record is one case), summed over the period.",
  "metric.online_uptake.name": "Online uptake",
  "metric.online_uptake.definition":
    "Dossiers received online ÷ all dossiers received through every channel in the period (indicator 3.3 of Decision 766/QĐ-TTg). Computed from summed dossier counts, not by averaging rates; “—” when no dossier was received.",
  "metric.assisted_online_share.name": "Assisted-online share",
  "metric.assisted_online_share.definition":
    "Assisted cases submitted online ÷ all assisted cases in the period. As in GOV.UK's digital take-up, assisted digital transactions count as digital.",
  "metric.volunteer_hours.name": "Volunteer hours",
  "metric.volunteer_hours.definition": "Total length of volunteer shifts in the period.",
  "metric.volunteers_active.name": "Active volunteers",
  "metric.volunteers_active.definition":
    "Volunteers with at least one shift in the last month of the period, summed over communes (someone on duty in two communes counts twice). The last month is used because adding months up would count the same person several times.",
  "metric.minority_reach.name": "Minority reach",
  "metric.minority_reach.definition":
    "Cases for ethnic-minority citizens (ethnic group known and not Kinh) ÷ all cases. Cases with an unknown ethnic group stay in the denominator.",
  "metric.elderly_reach.name": "Elderly reach",
  "metric.elderly_reach.definition": "Cases for citizens aged 60 or over ÷ all cases.",
  "metric.communes_reporting.name": "Units with cases",
  "metric.communes_reporting.definition":
    "Communes, wards and special zones with at least one assisted case in the last month of the period, out of all units in the filter.",
  "metric.cases_per_1000.name": "Cases per 1,000 residents",
  "metric.cases_per_1000.definition":
    "Assisted cases in the period ÷ the unit's population × 1,000. Not computed where the reference data flags the population as suspect or missing.",

  "kpi.definition": "Definition: {name}",
  "kpi.latestMonth": "in {month}",
  "kpi.ofTotal": "out of {total} units, in {month}",
  "kpi.change.up": "up {value}",
  "kpi.change.down": "down {value}",
  "kpi.change.upPoints": "up {value} pp",
  "kpi.change.downPoints": "down {value} pp",
  "kpi.change.fromZero": "up from 0",
  "kpi.change.flat": "unchanged",
  "kpi.change.versus": "vs {value} ({period})",
  "kpi.change.none":
    "The data does not reach back a whole earlier period of the same length, so the indicators are not compared. Choose a shorter period (e.g. 3 or 6 months) to see changes.",
  "kpi.change.notComparable": "Not comparable: one of the two periods has no denominator.",

  "chart.showTable": "Show the data table",
  "chart.month": "Month",
  "table.dossiersOnline": "Dossiers online",
  "table.dossiersTotal": "All dossiers",
  "table.casesOnline": "Cases submitted online",
  "chart.cases.title": "Assisted cases per month",
  "chart.cases.axis": "Cases",
  "chart.cases.description":
    "Assisted cases went from {firstValue} ({firstMonth}) to {lastValue} ({lastMonth}); the most was {maxValue} in {maxMonth}.",
  "chart.cases.empty": "No assisted cases in the period.",
  "chart.rates.title": "Online shares per month",
  "chart.rates.axis": "Share",
  "chart.rates.rose": "{name} rose from {fromValue} ({fromMonth}) to {toValue} ({toMonth}).",
  "chart.rates.fell": "{name} fell from {fromValue} ({fromMonth}) to {toValue} ({toMonth}).",
  "chart.rates.flat": "{name} stayed at {toValue} from {fromMonth} to {toMonth}.",
  "chart.rates.single": "{name} was {toValue} ({toMonth}).",
  "chart.rates.none": "{name}: no data in the period.",
  "chart.map.title": "{metric} by unit, {from} – {to}",
  "chart.map.description": "Highest: {maxName} ({maxValue}); lowest: {minName} ({minValue}).",
  "chart.map.noValues": "No unit has a value for this indicator in the period.",
  "chart.map.missingCount": "{count} units have no value (hatched).",
  "chart.map.legendNoValue": "No value",
  "chart.map.legendFilteredOut": "Outside the filter",
  "chart.map.noValueTooltip": "{name}: no value",
  "chart.map.suspectPopulation":
    "Not computed per resident for {names}: the reference data flags their population as suspect or missing.",
  "chart.map.tableNote": "The map's numbers are in the ranking table below.",
  "chart.map.tableLink": "Go to the ranking",

  "ranking.heading": "Ranked by {metric}",
  "ranking.caption":
    "Units ordered by {metric} over the period, highest first; ties by name. Units without a value come last.",
  "ranking.rank": "Rank",
  "ranking.commune": "Unit",
  "ranking.unitType": "Type",

  "attention.heading": "Needs attention",
  "attention.lowestUptake": "Lowest online uptake in the period",
  "attention.noVolunteers": "No volunteer activity in {month}",
  "attention.noVolunteersNote":
    "The data is monthly, so “the last 30 days” means the last month of the period: no shifts and no volunteer hours.",
  "attention.noData": "No data received for {month}",
  "attention.noDataNote": "No assisted case, volunteer shift or dossier was recorded in the month.",
  "attention.none": "None.",
  "attention.more": "and {count} more",

  "error.title": "Something went wrong",
  "error.body": "The page cannot be shown right now. Please try again in a few minutes.",
  "error.status": "Status {status}",
  "error.notFound": "This page does not exist.",
  "error.badRequest.title": "Invalid parameters",
  "error.badRequest.intro":
    "The page cannot be shown because these address parameters are invalid:",
  "error.home": "Back to the overview",
} satisfies Catalog;
