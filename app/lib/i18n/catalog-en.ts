// English UI strings; same keys and placeholders as catalog-vi.ts.
import type { Catalog } from "./catalog-vi";
import { communeMessages } from "./messages/commune";
import { compareMessages } from "./messages/compare";
import { qualityMessages } from "./messages/quality";
import { vocabularyMessages } from "./messages/vocabulary";
import { methodologyMessages } from "./messages/methodology";
import { reportMessages } from "./messages/report";
import { downloadsMessages } from "./messages/downloads";
import { downloadColumnMessages } from "./messages/download-columns";
import { authMessages } from "./messages/auth";
import { adminMessages } from "./messages/admin";
import { metricMessages } from "./messages/metrics";
import { calendarMessages } from "./messages/calendar";

export const en = {
  "app.name": "Cầu Nối Số",
  "app.tagline": "Tracking volunteer help with online public services",
  "nav.skip": "Skip to main content",
  "nav.main": "Main navigation",
  "nav.menu": "Menu",
  "table.region": "Table: {name}",
  "nav.home": "Your unit",
  "nav.overview": "Overview",
  "nav.communes": "Communes",
  "nav.compare": "Compare",
  "nav.report": "Monthly report",
  "nav.quality": "Data quality",
  "nav.methodology": "Methodology",
  "nav.imports": "Data imports",
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
  "filter.summary": "Filters: {filters}",
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
  "filter.error.procedure_group":
    "must be a procedure group: ho_tich, cu_tru, dinh_danh, chung_thuc, ly_lich_tu_phap, dat_dai, bhxh_bhyt, kinh_doanh, phuong_tien, other",
  "filter.error.commune": "each commune code must be 5 digits, e.g. 24778",
  "filter.error.commune_count": "choose at most 6 communes",
  "filter.error.commune_unknown": "no commune with code {code} in the province",

  "unitType.phuong": "Ward",
  "unitType.xa": "Commune",
  "procedureGroup.ho_tich": "Civil status",
  "procedureGroup.cu_tru": "Residence",
  "procedureGroup.dinh_danh": "ID cards, electronic identity",
  "procedureGroup.chung_thuc": "Certification of copies",
  "procedureGroup.ly_lich_tu_phap": "Judicial records",
  "procedureGroup.dat_dai": "Land",
  "procedureGroup.bhxh_bhyt": "Social and health insurance",
  "procedureGroup.kinh_doanh": "Household business",
  "procedureGroup.phuong_tien": "Vehicles",
  "procedureGroup.other": "Other procedures",
  "unitType.dac_khu": "Special zone",

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
  "kpi.change.open":
    "This period includes a month that is not complete, so the indicators are not compared with the period before. The quick periods end at the latest complete month.",
  "kpi.change.none":
    "The data does not reach back a whole earlier period of the same length, so the indicators are not compared. Choose a shorter period (e.g. 3 or 6 months) to see changes.",
  "kpi.change.notComparable": "Not comparable: one of the two periods has no denominator.",

  "chart.showTable": "Show the data table",
  "chart.month": "Month",
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
  "attention.noVolunteers": "No volunteer activity in the 30 days to {date}",
  "attention.noVolunteersNote":
    "No volunteer shift and no assisted case in the 30 days up to the latest date with data in the period.",
  "attention.lastActivity": "last {date}",
  "attention.neverActive": "never active",
  "overview.procedureGroupFilter": "Procedure group: {group}",
  "overview.procedureGroupCaveat":
    "Cases, the assisted-online share, minority and elderly reach and the communes reporting count only this procedure group. Dossiers (online uptake), volunteer hours and active volunteers still cover every procedure, province-wide: those sources do not record a procedure per case.",
  "filter.procedureGroup": "Procedure group",
  "filter.procedureGroup.all": "All",
  "attention.noData": "No data received for {month}",
  "attention.noDataNote": "No assisted case, volunteer shift or dossier was recorded in the month.",
  "attention.none": "None.",
  "attention.more": "and {count} more",

  "imports.list.title": "Import batches",
  "imports.list.new": "Upload a file",
  "imports.list.caption": "The {count} most recent import batches, newest first.",
  "imports.list.empty": "No import batch yet.",
  "imports.col.batch": "Batch",
  "imports.col.kind": "Kind of data",
  "imports.col.file": "File",
  "imports.col.status": "Status",
  "imports.col.loadedBy": "Loaded by",
  "imports.col.rows": "Rows",
  "imports.col.inserted": "Inserted",
  "imports.col.updated": "Updated",
  "imports.col.unchanged": "Unchanged",
  "imports.col.rejected": "Rejected",
  "imports.col.startedAt": "Time",

  "importKind.assistance": "Assistance log",
  "importKind.assistance.description": "One row per citizen a volunteer helped with one procedure.",
  "importKind.shifts": "Volunteer shifts",
  "importKind.shifts.description": "One row per volunteer shift in a commune.",
  "importKind.dossiers": "Dossier statistics",
  "importKind.dossiers.description":
    "Dossiers received and resolved per commune and month; a later file replaces the figures for the same commune, month and procedure.",
  "importKind.population": "Population by commune",
  "importKind.population.description":
    "Population, ethnic-minority, elderly and female residents of each commune, per year.",

  "batchStatus.running": "Running",
  "batchStatus.loaded": "Loaded",
  "batchStatus.rejected": "Rejected",
  "batchStatus.reverted": "Reverted",
  "batchStatus.failed": "Failed",

  "imports.new.title": "Upload a data file",
  "imports.new.intro":
    "Choose a file and its kind of data, then press “Preview”. Nothing is written to the database until you have seen the check and pressed “Commit”.",
  "imports.form.file": "Data file",
  "imports.form.fileHint":
    "CSV (UTF-8; comma, semicolon or tab separated), .txt or Excel .xlsx; up to {max} MB.",
  "imports.form.kind": "Kind of data",
  "imports.form.options": "Options",
  "imports.form.strict": "Strict: load nothing if any row is rejected",
  "imports.form.deriveIds":
    "Derive record ids when the file has no id column (form exports such as Google Forms)",
  "imports.form.sheet": "Sheet name (.xlsx only)",
  "imports.form.sheetHint": "Leave empty to read the first sheet holding a table.",
  "imports.form.preview": "Preview",
  "imports.form.commit": "Commit",
  "imports.form.working": "Working…",

  "imports.preview.title": "Preview: {file}",
  "imports.preview.dryRun":
    "This is a dry run of your file; nothing has been written to the database.",
  "imports.preview.ready":
    "The file can be loaded. Press “Commit” to load exactly what is shown above; the upload is kept for {hours} hours.",
  "imports.preview.alreadyLoaded":
    "This file has already been loaded (batch #{batch}); loading it again would change nothing.",
  "imports.preview.cannotLoad": "This file cannot be loaded:",
  "imports.preview.another": "Choose another file",
  "imports.preview.options": "Kind of data: {kind}. Options: {options}.",
  "imports.preview.otherSheets":
    "The workbook has other sheets with a table: {sheets}. Each loads as a batch of its own: tick the box below to load them too, or choose one under “Sheet” and preview again.",
  "imports.preview.allSheets":
    "Also load the {count} other sheet(s) with a table, one batch each (not previewed one by one; any batch can be reverted).",
  "imports.preview.columns": "Columns read ({count}); open to see which column feeds which field",
  "imports.preview.sheet": "Sheet read: «{sheet}».",
  "imports.preview.skipped":
    "Rows that are not records, skipped and not stored: {totals} totals row(s), {signatures} row(s) of the signature block.",

  "imports.count.rows": "Rows read",
  "imports.count.wouldInsert": "Would insert",
  "imports.count.wouldUpdate": "Would update",
  "imports.count.wouldKeep": "Unchanged",
  "imports.count.inserted": "Inserted",
  "imports.count.updated": "Updated",
  "imports.count.unchanged": "Unchanged",
  "imports.count.rejected": "Rejected",

  "imports.warnings.heading": "Warnings",
  "imports.warnings.none": "No warnings.",
  "imports.rejectReasons.heading": "Reasons for rejection",
  "imports.issue.count": "{count} row(s)",
  "imports.issue.lines": "on line(s) {lines}",
  "imports.dropped.heading": "Columns not loaded",
  "imports.dropped.intro":
    "These columns were ignored. Columns holding personal data (names, citizen ID numbers, phone numbers, addresses…) are always removed before anything is stored, including the stored copies of rejected rows.",
  "imports.dropped.personal": "personal data",

  "imports.rejects.heading": "Rejected rows",
  "imports.rejects.sample": "The first {shown} of {total} rejected rows.",
  "imports.rejects.range": "Rejected rows {from}–{to} of {total}, in file order.",
  "imports.rejects.none": "No row was rejected.",
  "imports.rejects.line": "Line",
  "imports.rejects.column": "Column",
  "imports.rejects.reason": "Reason code",
  "imports.rejects.message": "Details",
  "imports.rejects.download": "Download the rejected rows (CSV)",
  "imports.rejects.pages": "Pages of rejected rows",
  "imports.rejects.page": "Page {page} of {pages}",
  "imports.rejects.previous": "Previous page",
  "imports.rejects.next": "Next page",

  "imports.batch.title": "Import batch #{batch}",
  "imports.batch.metaTitle": "Import batch #{batch} — Cầu Nối Số",
  "imports.batch.all": "All import batches",
  "imports.batch.details": "About this batch",
  "imports.batch.sheet": "Sheet",
  "imports.batch.skipped": "Skipped (not records)",
  "imports.batch.skippedCounts":
    "{totals} totals row(s), {signatures} signature-block row(s); not stored",
  "imports.batch.file": "File",
  "imports.batch.size": "{bytes} bytes",
  "imports.batch.sha256": "SHA-256",
  "imports.batch.options": "Options",
  "imports.batch.startedAt": "Started",
  "imports.batch.finishedAt": "Finished",
  "imports.batch.revertedAt": "Reverted",
  "imports.batch.error": "Why nothing was loaded",
  "imports.batch.countsHeading": "Result",
  "imports.batch.replaced.heading": "Replaced figures",
  "imports.batch.replaced.intro":
    "This batch replaced dossier figures for the same commune, month and procedure loaded by batches:",

  "imports.option.strict": "strict",
  "imports.option.deriveIds": "derived record ids",
  "imports.option.sheet": "sheet “{sheet}”",
  "imports.option.none": "defaults",

  "imports.error.title": "The upload could not be processed",
  "imports.error.batchId": "must be an import batch number, e.g. 12",
  "imports.error.page": "must be a page number from 1 to {pages}",
  "upload.error.form_unreadable":
    "The form could not be read: it must be sent as multipart/form-data from the upload page. Open the upload page again and send it again.",
  "upload.error.file_missing": "No file was chosen. Choose a CSV, .txt or .xlsx file.",
  "upload.error.file_empty": "The file is empty (0 bytes). Check that the right file was chosen.",
  "upload.error.file_too_large":
    "The file is larger than {max} MB. Split it into smaller files, or load it from the command line (npm run etl).",
  "upload.error.intent_invalid": "Unknown action: only “Preview” or “Commit”.",
  "upload.error.kind_invalid":
    "Choose the kind of data: assistance, shifts, dossiers or population.",
  "upload.error.option_invalid": "A form option is not valid. Open the upload page again.",
  "upload.error.sheet_invalid": "A sheet name has at most {max} characters.",
  "upload.error.upload_id_invalid":
    "The upload id is not valid. Upload the file again from the upload page.",
  "upload.error.upload_not_found":
    "The uploaded file was not found: it may have been committed already, or be older than 24 hours. Upload it again.",
  "upload.error.uploads_full":
    "Too many previewed files are waiting to be committed. Commit or abandon a preview (they are deleted after 24 hours), then try again.",
  "upload.error.import_busy":
    "Another import has been running since {since}. Wait for it to finish, then send the file again.",

  "error.title": "Something went wrong",
  "error.body": "The page cannot be shown right now. Please try again in a few minutes.",
  "error.status": "Status {status}",
  "error.notFound": "This page does not exist.",
  "error.forbidden.title": "Access denied",
  "error.forbidden.body":
    "Your account is not allowed to see this (for example the detail of a commune you are not responsible for). Ask an administrator if you need access.",
  "error.badRequest.title": "Invalid parameters",
  "error.badRequest.intro":
    "The page cannot be shown because these address parameters are invalid:",
  "error.home": "Back to the overview",
  ...communeMessages.en,
  ...compareMessages.en,
  ...qualityMessages.en,
  ...vocabularyMessages.en,
  ...methodologyMessages.en,
  ...reportMessages.en,
  ...downloadsMessages.en,
  ...downloadColumnMessages.en,
  ...authMessages.en,
  ...adminMessages.en,
  ...metricMessages.en,
  ...calendarMessages.en,
} satisfies Catalog;
