// Assistance records: one citizen helped with one procedure. Rows are produced a day at a time
// (all communes, in time order) so any volume streams in constant memory.
import type { CommuneProfile } from "./commune-profile";
import {
  ASSISTANCE_ANOMALY_RATE,
  ASSISTANCE_ANOMALY_TABLE,
  UNKNOWN_PROCEDURE_LABELS,
  buildMessyNames,
  fakePersonalData,
  writeCommuneAbbreviated,
  writeCommuneWithoutDiacritics,
  type AssistanceAnomaly,
  type MessyNames,
} from "./messy-values";
import { WeightedTable, createRng, type Rng } from "./prng";
import type { AgeBand, HelpType, ProcedureProfile } from "./procedure-mix";
import {
  formatClock,
  localDayOf,
  monthVolumeLevel,
  type SampleDay,
  type SampleMonth,
} from "./sample-calendar";
import {
  CASES_PER_COMMUNE_MONTH,
  buildSamplePlan,
  countCommuneDay,
  expectedCommuneMonth,
  onlineProbability,
  type SamplePlan,
} from "./sample-plan";
import type { SampleReference } from "./sample-reference";
import { draftCommuneDayShifts, type ShiftDraft } from "./shift-rows";
import type { SampleVolunteer } from "./volunteer-roster";

export const ASSISTANCE_COLUMNS = [
  "record_id",
  "assisted_at",
  "commune",
  "team",
  "volunteer_id",
  "procedure",
  "help_type",
  "channel",
  "outcome",
  "age_band",
  "gender",
  "ethnicity",
  "minutes",
] as const;

/** The same columns as a Vietnamese office exports them (birth year instead of age band). */
export const ASSISTANCE_COLUMNS_VI = [
  "Mã hồ sơ",
  "Ngày hỗ trợ",
  "Xã/Phường",
  "Đội tình nguyện",
  "Mã tình nguyện viên",
  "Thủ tục",
  "Loại hỗ trợ",
  "Hình thức nộp",
  "Kết quả",
  "Năm sinh",
  "Giới tính",
  "Dân tộc",
  "Số phút",
] as const;

/** Columns carrying personal data in the one file that has them (the ETL must drop them). */
export const PERSONAL_DATA_COLUMNS = ["Họ tên", "SĐT"] as const;

export type Channel = "online" | "in_person";
export type Outcome = "submitted" | "completed" | "not_completed";
export type Gender = "female" | "male" | "other" | "unknown";
/** en: canonical English headers; vi: Vietnamese headers and values, dd/mm/yyyy HH:mm dates;
 * en_personal: canonical plus a full-name and a phone column. */
export type AssistanceLayout = "en" | "vi" | "en_personal";

export interface AssistanceRecord {
  recordId: string;
  /** Local minutes since 1970-01-01 (Asia/Ho_Chi_Minh wall clock). */
  localMinute: number;
  communeCode: string;
  /** The commune as written in the file (a messy row may differ from the canonical name). */
  commune: string;
  team: string;
  volunteerId: string;
  /** null when the row names something that is not a catalogue procedure. */
  procedure: ProcedureProfile | null;
  unknownProcedureLabel: string | null;
  helpType: HelpType;
  channel: Channel;
  outcome: Outcome;
  ageBand: AgeBand;
  birthYear: number;
  gender: Gender;
  /** GSO code, or null when the form left it blank. */
  ethnicCode: string | null;
  ethnicity: string;
  minutes: number;
  anomaly: AssistanceAnomaly | null;
}

interface CaseDraft {
  communeIndex: number;
  order: number;
  minuteOfDay: number;
  volunteer: SampleVolunteer;
  procedure: ProcedureProfile;
  helpType: HelpType;
  channel: Channel;
  outcome: Outcome;
  ageBand: AgeBand;
  age: number;
  gender: Gender;
  ethnicCode: string | null;
  minutes: number;
}

interface AssistanceContext {
  ethnicNames: Map<string, string>;
  ethnicTables: WeightedTable<string>[];
  messyNames: MessyNames;
}

const contexts = new WeakMap<SamplePlan, AssistanceContext>();

function contextOf(plan: SamplePlan): AssistanceContext {
  let context = contexts.get(plan);
  if (!context) {
    context = {
      ethnicNames: new Map(plan.reference.ethnicGroups.map((g) => [g.code, g.name_vi])),
      // Minority citizens are over-represented among those helped (×1.25 their population share).
      ethnicTables: plan.profiles.map((p) => {
        const minority = Math.min(0.97, p.minorityShare * 1.25);
        const mixTotal = p.minorityMix.reduce((sum, [, w]) => sum + w, 0) || 1;
        return new WeightedTable<string>([
          ["01", 1 - minority],
          ...p.minorityMix.map(([code, w]) => [code, (minority * w) / mixTotal] as const),
        ]);
      }),
      messyNames: buildMessyNames(
        plan.reference.communes,
        plan.reference.foreignCommuneNames,
        plan.reference.ethnicGroups,
      ),
    };
    contexts.set(plan, context);
  }
  return context;
}

const MEDIAN_MINUTES: Record<HelpType, number> = {
  guidance: 8,
  form_filling: 18,
  vneid: 14,
  scanning: 10,
  payment: 9,
  other: 10,
};

const GENDERS = new WeightedTable<Gender>([
  ["female", 56.5],
  ["male", 42],
  ["unknown", 1.2],
  ["other", 0.3],
]);

/** Minute of day for a case not tied to a logged shift: office hours, rarely outside them. */
function drawMinuteOfDay(rng: Rng, day: SampleDay): number {
  if (day.holiday || day.weekday === 0) return rng.int(480, 659);
  if (day.weekday === 6) return rng.int(450, 689);
  const r = rng.next();
  if (r < 0.56) return rng.int(450, 689);
  if (r < 0.96) return rng.int(810, 1019);
  return rng.chance(0.5) ? rng.int(690, 809) : rng.int(1020, 1139);
}

function drawAge(rng: Rng, band: AgeBand): number {
  switch (band) {
    case "under_18":
      return rng.int(14, 17);
    case "18_34":
      return rng.int(18, 34);
    case "35_59":
      return rng.int(35, 59);
    default:
      return 60 + Math.floor(30 * rng.next() * rng.next());
  }
}

function draftCommuneDayCases(
  plan: SamplePlan,
  context: AssistanceContext,
  communeIndex: number,
  month: SampleMonth,
  day: SampleDay,
  count: number,
  shifts: ShiftDraft[],
): CaseDraft[] {
  const profile: CommuneProfile = plan.profiles[communeIndex]!;
  const roster = plan.rosters.get(profile.code)!;
  const rng = createRng(plan.options.seed, "cases", profile.code, day.iso);
  const procedures = plan.procedureTables.get(`${month.index}:${profile.unitType !== "phuong"}`)!;
  const early = Math.max(0, 1 - month.index / 8);
  const drafts: CaseDraft[] = [];
  for (let order = 0; order < count; order++) {
    let volunteer: SampleVolunteer;
    let minuteOfDay: number;
    const shift = shifts.length > 0 && rng.chance(0.85) ? rng.pick(shifts) : null;
    if (shift) {
      volunteer = shift.volunteer;
      minuteOfDay = rng.int(shift.startMinute, shift.endMinute - 1);
      // A full-day shift still breaks for lunch.
      if (minuteOfDay >= 690 && minuteOfDay < 810) minuteOfDay = rng.int(810, 1019);
    } else {
      volunteer = roster.volunteerTable.draw(rng);
      minuteOfDay = drawMinuteOfDay(rng, day);
    }
    const procedure = procedures.draw(rng);
    const helpType = procedure.helpTable.draw(rng);
    const channel: Channel = rng.chance(onlineProbability(profile, procedure, month.index))
      ? "online"
      : "in_person";
    const pNotCompleted = 0.045 + 0.04 * profile.remoteness + 0.03 * early;
    const outcome: Outcome = rng.chance(pNotCompleted)
      ? "not_completed"
      : rng.chance(channel === "online" ? 0.62 : 0.5)
        ? "submitted"
        : "completed";
    const ageBand = procedure.ageTable.draw(rng);
    const ethnicCode = rng.chance(0.015) ? null : context.ethnicTables[communeIndex]!.draw(rng);
    const slower =
      (ageBand === "60_plus" ? 1.25 : 1) *
      (ethnicCode !== null && ethnicCode !== "01" ? 1.15 : 1) *
      (1 + 0.1 * profile.remoteness);
    const minutes = Math.round(MEDIAN_MINUTES[helpType] * slower * Math.exp(0.5 * rng.normal()));
    drafts.push({
      communeIndex,
      order,
      minuteOfDay,
      volunteer,
      procedure,
      helpType,
      channel,
      outcome,
      ageBand,
      age: drawAge(rng, ageBand),
      gender: GENDERS.draw(rng),
      ethnicCode,
      minutes: Math.min(120, Math.max(3, minutes)),
    });
  }
  return drafts;
}

/** Rewrites a clean record into one with the given imperfection; false if it does not apply. */
function applyAnomaly(
  record: AssistanceRecord,
  kind: AssistanceAnomaly,
  profile: CommuneProfile,
  context: AssistanceContext,
  plan: SamplePlan,
  rng: Rng,
): boolean {
  const { messyNames } = context;
  switch (kind) {
    case "commune_no_diacritics":
      record.commune = writeCommuneWithoutDiacritics(profile, rng);
      break;
    case "commune_abbreviated":
      record.commune = writeCommuneAbbreviated(profile, rng);
      break;
    case "commune_old_name":
      if (profile.oldNames.length === 0) return false;
      record.commune = rng.pick(profile.oldNames);
      break;
    case "commune_ambiguous":
      if (messyNames.ambiguous.length === 0) return false;
      record.commune = rng.pick(messyNames.ambiguous);
      break;
    case "commune_unknown":
      record.commune = rng.pick(messyNames.unknown);
      break;
    case "commune_other_province":
      if (messyNames.otherProvince.length === 0) return false;
      record.commune = rng.pick(messyNames.otherProvince);
      break;
    case "ethnicity_variant": {
      const variants = record.ethnicCode
        ? messyNames.ethnicVariants.get(record.ethnicCode)
        : undefined;
      if (!variants) return false;
      record.ethnicity = rng.pick(variants);
      break;
    }
    case "nfd_text":
      // Only worth it when the row has text that decomposes.
      if (record.commune === record.commune.normalize("NFD")) return false;
      break;
    case "unknown_procedure":
      record.procedure = null;
      record.unknownProcedureLabel = rng.pick(UNKNOWN_PROCEDURE_LABELS);
      break;
    case "minutes_out_of_range":
      record.minutes = rng.chance(0.5) ? 0 : 900;
      break;
    case "future_date": {
      // A mistyped day: a few days to weeks after the export was made.
      const day = Math.floor(plan.nowMinute / 1440) + rng.int(2, 40);
      record.localMinute = day * 1440 + (record.localMinute % 1440);
      break;
    }
    case "duplicate_record_id":
      return false;
  }
  record.anomaly = kind;
  return true;
}

/** A month's assistance records, in time order, up to --now. */
export function* generateMonthAssistance(
  plan: SamplePlan,
  month: SampleMonth,
): Generator<AssistanceRecord> {
  const context = contextOf(plan);
  const expectations = plan.profiles.map((_, i) => expectedCommuneMonth(plan, i, month));
  const anomalyRng = createRng(plan.options.seed, "assistance-anomaly", month.key);
  let sequence = 0;
  let lastClean: AssistanceRecord | null = null;
  for (const day of month.days) {
    if (day.startMinute > plan.nowMinute) return;
    const drafts: CaseDraft[] = [];
    plan.profiles.forEach((_, i) => {
      const expected = expectations[i] ?? 0;
      if (expected <= 0) return;
      const count = countCommuneDay(plan, i, month, day, expected);
      if (count === 0) return;
      const shifts = draftCommuneDayShifts(plan, i, day, count);
      for (const draft of draftCommuneDayCases(plan, context, i, month, day, count, shifts)) {
        drafts.push(draft);
      }
    });
    drafts.sort(
      (a, b) =>
        a.minuteOfDay - b.minuteOfDay || a.communeIndex - b.communeIndex || a.order - b.order,
    );
    for (const draft of drafts) {
      const localMinute = day.startMinute + draft.minuteOfDay;
      if (localMinute > plan.nowMinute) return;
      sequence++;
      const profile = plan.profiles[draft.communeIndex]!;
      const record: AssistanceRecord = {
        recordId: `${plan.recordPrefix}-${month.key}-${String(sequence).padStart(6, "0")}`,
        localMinute,
        communeCode: profile.code,
        commune: profile.fullName,
        team: draft.volunteer.team,
        volunteerId: draft.volunteer.id,
        procedure: draft.procedure,
        unknownProcedureLabel: null,
        helpType: draft.helpType,
        channel: draft.channel,
        outcome: draft.outcome,
        ageBand: draft.ageBand,
        birthYear: month.year - draft.age,
        gender: draft.gender,
        ethnicCode: draft.ethnicCode,
        ethnicity: draft.ethnicCode ? (context.ethnicNames.get(draft.ethnicCode) ?? "") : "",
        minutes: draft.minutes,
        anomaly: null,
      };
      if (anomalyRng.chance(ASSISTANCE_ANOMALY_RATE)) {
        const kind = ASSISTANCE_ANOMALY_TABLE.draw(anomalyRng);
        if (kind === "duplicate_record_id" && lastClean) {
          // The previous record entered a second time.
          yield { ...lastClean, anomaly: "duplicate_record_id" };
        } else if (!applyAnomaly(record, kind, profile, context, plan, anomalyRng)) {
          applyAnomaly(record, "commune_no_diacritics", profile, context, plan, anomalyRng);
        }
      }
      if (record.anomaly === null) lastClean = record;
      yield record;
    }
  }
}

const CHANNEL_VI: Record<Channel, string> = { online: "Trực tuyến", in_person: "Trực tiếp" };
const OUTCOME_VI: Record<Outcome, string> = {
  submitted: "Đã nộp",
  completed: "Hoàn thành",
  not_completed: "Chưa hoàn thành",
};
const GENDER_VI: Record<Gender, string> = { female: "Nữ", male: "Nam", other: "Khác", unknown: "" };
const HELP_TYPE_VI: Record<HelpType, string> = {
  guidance: "Hướng dẫn",
  form_filling: "Điền tờ khai",
  vneid: "Kích hoạt VNeID",
  scanning: "Số hóa giấy tờ",
  payment: "Thanh toán phí",
  other: "Khác",
};

export function assistanceHeader(layout: AssistanceLayout): string[] {
  if (layout === "vi") return [...ASSISTANCE_COLUMNS_VI];
  if (layout === "en_personal") {
    return [ASSISTANCE_COLUMNS[0], ...PERSONAL_DATA_COLUMNS, ...ASSISTANCE_COLUMNS.slice(1)];
  }
  return [...ASSISTANCE_COLUMNS];
}

export function formatAssistanceRecord(
  record: AssistanceRecord,
  layout: AssistanceLayout,
): string[] {
  const { iso, vn, minuteOfDay } = localDayOf(record.localMinute);
  const clock = formatClock(minuteOfDay);
  const vi = layout === "vi";
  const procedure = record.procedure
    ? vi
      ? record.procedure.labelVi
      : record.procedure.code
    : (record.unknownProcedureLabel ?? "");
  let fields = [
    record.recordId,
    vi ? `${vn} ${clock}` : `${iso}T${clock}:00`,
    record.commune,
    record.team,
    record.volunteerId,
    procedure,
    vi ? HELP_TYPE_VI[record.helpType] : record.helpType,
    vi ? CHANNEL_VI[record.channel] : record.channel,
    vi ? OUTCOME_VI[record.outcome] : record.outcome,
    vi ? String(record.birthYear) : record.ageBand,
    vi ? GENDER_VI[record.gender] : record.gender,
    record.ethnicity,
    String(record.minutes),
  ];
  if (layout === "en_personal") {
    const person = fakePersonalData(
      createRng("personal", record.recordId),
      record.gender === "female",
    );
    fields = [fields[0]!, person.name, person.phone, ...fields.slice(1)];
  }
  return record.anomaly === "nfd_text" ? fields.map((f) => f.normalize("NFD")) : fields;
}

export interface AssistanceStreamOptions {
  reference: SampleReference;
  seed: number;
  /** Nothing after this instant is generated. */
  now: Date;
  months?: number;
  scale?: number;
  /** Stop after this many rows; the scale is then derived from it (and `scale` ignored). */
  rows?: number;
  layout?: AssistanceLayout;
}

/** The scale at which `months` months hold a little more than `rows` assistance records. */
export function scaleForRows(rows: number, communes: number, months: number): number {
  let level = 0;
  for (let i = 0; i < months; i++) level += monthVolumeLevel(i);
  return (rows / (CASES_PER_COMMUNE_MONTH * communes * level)) * 1.08;
}

/**
 * Assistance rows (header not included; see assistanceHeader) for all months, streamed in
 * constant memory: benchmarks use it to produce millions of rows. With `rows`, it stops there,
 * or earlier if --now leaves fewer.
 */
export function* generateAssistanceRows(options: AssistanceStreamOptions): Generator<string[]> {
  const months = options.months ?? 17;
  const communes = options.reference.communes.length;
  const scale =
    options.rows !== undefined
      ? scaleForRows(options.rows, communes, months)
      : (options.scale ?? 1);
  const plan = buildSamplePlan(options.reference, {
    seed: options.seed,
    now: options.now,
    months,
    scale,
  });
  const limit = options.rows ?? Number.POSITIVE_INFINITY;
  const layout = options.layout ?? "en";
  let emitted = 0;
  if (emitted >= limit) return;
  for (const month of plan.months) {
    for (const record of generateMonthAssistance(plan, month)) {
      yield formatAssistanceRecord(record, layout);
      if (++emitted >= limit) return;
    }
  }
}
