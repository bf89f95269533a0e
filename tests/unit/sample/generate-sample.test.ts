// Runs the whole sample generator into temp directories at a small scale and checks what the
// files contain by parsing them back, independently of the generator's own bookkeeping.
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadSampleReference } from "~/lib/sample/load-sample-reference.server";
import { SampleManifestSchema, type SampleManifest } from "~/lib/sample/sample-files";
import { SampleOptionsSchema } from "~/lib/sample/sample-options";
import type { SampleReference } from "~/lib/sample/sample-reference";
import { writeSample } from "~/lib/sample/write-sample.server";

const SCALE = 0.05;
// 11:00 in Đà Lạt on 18 November 2026: November is partial.
const NOW = new Date("2026-11-18T04:00:00Z");
const NOW_LOCAL = "2026-11-18T11:00";

const VI_TO_EN: Record<string, string> = {
  "Mã hồ sơ": "record_id",
  "Ngày hỗ trợ": "assisted_at",
  "Xã/Phường": "commune",
  "Đội tình nguyện": "team",
  "Mã tình nguyện viên": "volunteer_id",
  "Thủ tục": "procedure",
  "Loại hỗ trợ": "help_type",
  "Hình thức nộp": "channel",
  "Kết quả": "outcome",
  "Năm sinh": "birth_year",
  "Giới tính": "gender",
  "Dân tộc": "ethnicity",
  "Số phút": "minutes",
};

// Highland communes with large K'Ho, Mnông, Mạ and Chu Ru populations, and Bình Thuận's
// coastal wards.
const HIGHLAND = [
  "24848",
  "24886",
  "24877",
  "24875",
  "24853",
  "24739",
  "24736",
  "24637",
  "24931",
  "25057",
];
const COASTAL_WARDS = ["22918", "22924", "22933", "22945", "22954", "23231", "23235"];

interface AssistanceRow {
  file: string;
  month: string;
  raw: Record<string, string>;
  recordId: string;
  /** "2026-11-18T10:59", local time */
  assistedAt: string;
  commune: string;
  procedure: string;
  channel: string;
  ageBand: string | null;
  gender: string;
  ethnicity: string;
  minutes: number;
}

async function readCsv(dir: string, file: SampleManifest["files"][number]) {
  const text = await readFile(join(dir, file.file), "utf8");
  return parse(text, { columns: true, delimiter: file.delimiter, bom: true }) as Record<
    string,
    string
  >[];
}

async function readAssistance(dir: string, manifest: SampleManifest): Promise<AssistanceRow[]> {
  const rows: AssistanceRow[] = [];
  for (const file of manifest.files.filter((f) => f.kind === "assistance")) {
    for (const record of await readCsv(dir, file)) {
      const raw = Object.fromEntries(
        Object.entries(record).map(([k, v]) => [VI_TO_EN[k] ?? k, v.normalize("NFC")]),
      );
      const vi = file.header_language === "vi";
      const at = raw.assisted_at!;
      const assistedAt = vi
        ? `${at.slice(6, 10)}-${at.slice(3, 5)}-${at.slice(0, 2)}T${at.slice(11, 16)}`
        : at.slice(0, 16);
      rows.push({
        file: file.file,
        month: file.month!,
        raw: Object.fromEntries(Object.entries(record)),
        recordId: raw.record_id!,
        assistedAt,
        commune: raw.commune!,
        procedure: raw.procedure!,
        channel: vi ? (raw.channel === "Trực tuyến" ? "online" : "in_person") : raw.channel!,
        ageBand: raw.age_band ?? null,
        gender: vi ? ({ Nữ: "female", Nam: "male" }[raw.gender!] ?? "other") : raw.gender!,
        ethnicity: raw.ethnicity!,
        minutes: Number(raw.minutes),
      });
    }
  }
  return rows;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

describe("generate-sample (Lâm Đồng, 17 months, scale 0.05)", () => {
  let base: string;
  let dirA: string;
  let dirB: string;
  let dirShortSeed1: string;
  let dirShortSeed2: string;
  let manifest: SampleManifest;
  let reference: SampleReference;
  let assistance: AssistanceRow[];

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "sample-test-"));
    dirA = join(base, "a");
    dirB = join(base, "b");
    dirShortSeed1 = join(base, "short-seed-1");
    dirShortSeed2 = join(base, "short-seed-2");
    reference = await loadSampleReference("68");
    const options = (out: string, seed: number, months = 17) =>
      SampleOptionsSchema.parse({ months, seed, scale: SCALE, now: NOW.toISOString(), out });
    await writeSample(options(dirA, 1), reference);
    await writeSample(options(dirB, 1), reference);
    // Two months suffice to show that another seed gives other data.
    await writeSample(options(dirShortSeed1, 1, 2), reference);
    await writeSample(options(dirShortSeed2, 2, 2), reference);
    manifest = SampleManifestSchema.parse(
      JSON.parse(await readFile(join(dirA, "manifest.json"), "utf8")),
    );
    assistance = await readAssistance(dirA, manifest);
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it("writes byte-identical files for the same seed and different ones for another seed", async () => {
    const files = (await readdir(dirA)).sort();
    expect((await readdir(dirB)).sort()).toEqual(files);
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(join(dirA, file)), readFile(join(dirB, file))]);
      expect(a.equals(b), file).toBe(true);
    }
    const [short1, short2] = await Promise.all([
      readFile(join(dirShortSeed1, "assistance-2025-08.csv")),
      readFile(join(dirShortSeed2, "assistance-2025-08.csv")),
    ]);
    expect(short1.equals(short2)).toBe(false);
  });

  it("lists every written file in the manifest, in import order", async () => {
    const written = (await readdir(dirA)).filter((f) => f !== "manifest.json").sort();
    expect(manifest.files.map((f) => f.file).sort()).toEqual(written);
    expect(manifest.files[0]).toMatchObject({ file: "population-2025.csv", kind: "population" });
    const months = [...new Set(manifest.files.flatMap((f) => (f.month ? [f.month] : [])))];
    expect(months).toHaveLength(17);
    expect(months[0]).toBe("2025-07");
    expect(months.at(-1)).toBe("2026-11");
    const order = manifest.files.map((f) => f.file);
    for (const month of months) {
      const a = order.indexOf(`assistance-${month}.csv`);
      expect(a).toBeGreaterThan(0);
      expect(order[a + 1]).toBe(`shifts-${month}.csv`);
      expect(order[a + 2]).toBe(`dossiers-${month}.csv`);
    }
    // The correction of March 2026 arrives after April's files.
    expect(order.indexOf("dossiers-2026-03-corrected.csv")).toBe(
      order.indexOf("dossiers-2026-04.csv") + 1,
    );
  });

  it("produces about 100,000 × scale assistance records", () => {
    expect(assistance.length).toBeGreaterThan(100_000 * SCALE * 0.9);
    expect(assistance.length).toBeLessThan(100_000 * SCALE * 1.1);
    const perManifest = manifest.files
      .filter((f) => f.kind === "assistance")
      .reduce((s, f) => s + f.rows, 0);
    expect(perManifest).toBe(assistance.length);
  });

  it("dates nothing after --now except the deliberately mistyped future dates", async () => {
    const late = assistance.filter((r) => r.assistedAt > NOW_LOCAL);
    const futureDated = manifest.files.reduce((s, f) => s + (f.anomalies.future_date ?? 0), 0);
    expect(late).toHaveLength(futureDated);
    expect(assistance.filter((r) => r.month === "2026-11").length).toBeGreaterThan(0);
    for (const file of manifest.files.filter((f) => f.kind === "shifts")) {
      for (const shift of await readCsv(dirA, file)) {
        expect(`${shift.date}T${shift.end}` <= NOW_LOCAL, shift.shift_id).toBe(true);
      }
    }
  });

  it("keeps the imperfect rows between 0.5 % and 3 %, and counts them right in the manifest", () => {
    const communes = new Set(reference.communes.map((c) => c.full_name));
    const ethnicities = new Set(["", ...reference.ethnicGroups.map((g) => g.name_vi)]);
    const procedures = new Set(reference.procedures.flatMap((p) => [p.code, p.label_vi]));
    const seen = new Set<string>();
    let messy = 0;
    for (const row of assistance) {
      const flags = [
        Object.values(row.raw).some((v) => v !== v.normalize("NFC")),
        !communes.has(row.commune),
        !ethnicities.has(row.ethnicity),
        !procedures.has(row.procedure),
        !(row.minutes >= 1 && row.minutes <= 480),
        row.assistedAt > NOW_LOCAL,
        seen.has(row.recordId),
      ];
      seen.add(row.recordId);
      if (flags.some(Boolean)) messy++;
    }
    const messyShare = share(messy, assistance.length);
    expect(messyShare).toBeGreaterThan(0.005);
    expect(messyShare).toBeLessThan(0.03);
    const declared = manifest.files
      .filter((f) => f.kind === "assistance")
      .reduce((s, f) => s + Object.values(f.anomalies).reduce((a, b) => a + b, 0), 0);
    expect(messy).toBe(declared);
  });

  it("raises the online share month by month, for assisted cases and for dossiers", async () => {
    const months = [...new Set(assistance.map((r) => r.month))].sort();
    const onlineShare = (ms: string[]) => {
      const rows = assistance.filter((r) => ms.includes(r.month));
      return share(rows.filter((r) => r.channel === "online").length, rows.length);
    };
    const first = onlineShare(months.slice(0, 3));
    const last = onlineShare(months.slice(-3));
    expect(first).toBeGreaterThan(0.25);
    expect(first).toBeLessThan(0.5);
    expect(last).toBeGreaterThan(0.6);
    expect(last - first).toBeGreaterThan(0.25);

    const dossierOnline = async (ms: string[]) => {
      let online = 0;
      let total = 0;
      for (const file of manifest.files.filter(
        (f) => f.kind === "dossiers" && ms.includes(f.month!) && !f.replaces_month,
      )) {
        for (const row of await readCsv(dirA, file)) {
          online += Number(row.received_online);
          total += Number(row.received_total);
        }
      }
      return share(online, total);
    };
    expect(
      (await dossierOnline(months.slice(-3))) - (await dossierOnline(months.slice(0, 3))),
    ).toBeGreaterThan(0.2);
  });

  it("gives highland communes a much larger minority share than Bình Thuận's coastal wards", async () => {
    const population = await readCsv(dirA, manifest.files[0]!);
    const minorityShare = (codes: string[]) => {
      const rows = population.filter((r) => codes.includes(r.commune!));
      expect(rows).toHaveLength(codes.length);
      const minority = rows.reduce((s, r) => s + Number(r.population_minority), 0);
      return share(
        minority,
        rows.reduce((s, r) => s + Number(r.population_total), 0),
      );
    };
    expect(minorityShare(HIGHLAND)).toBeGreaterThan(0.3);
    expect(minorityShare(COASTAL_WARDS)).toBeLessThan(0.05);

    const nameOf = new Map(reference.communes.map((c) => [c.code, c.full_name]));
    const helpedMinority = (codes: string[]) => {
      const names = new Set(codes.map((c) => nameOf.get(c)));
      const rows = assistance.filter((r) => names.has(r.commune) && r.ethnicity !== "");
      return share(rows.filter((r) => r.ethnicity !== "Kinh").length, rows.length);
    };
    expect(helpedMinority(HIGHLAND)).toBeGreaterThan(3 * helpedMinority(COASTAL_WARDS));
  });

  it("over-represents the elderly and women among the people helped", async () => {
    const population = await readCsv(dirA, manifest.files[0]!);
    const total = population.reduce((s, r) => s + Number(r.population_total), 0);
    const elderly = share(
      population.reduce((s, r) => s + Number(r.population_elderly), 0),
      total,
    );
    const female = share(
      population.reduce((s, r) => s + Number(r.population_female), 0),
      total,
    );
    const withBand = assistance.filter((r) => r.ageBand !== null);
    expect(
      share(withBand.filter((r) => r.ageBand === "60_plus").length, withBand.length),
    ).toBeGreaterThan(1.5 * elderly);
    expect(
      share(assistance.filter((r) => r.gender === "female").length, assistance.length),
    ).toBeGreaterThan(female + 0.03);
  });

  it("leaves some communes without volunteer activity in the last month, and some teams far busier", () => {
    const canonical = new Set(reference.communes.map((c) => c.full_name));
    const activeIn = (month: string) =>
      new Set(
        assistance
          .filter((r) => r.month === month && canonical.has(r.commune))
          .map((r) => r.commune),
      );
    const earlier = activeIn("2026-09");
    const last = activeIn("2026-11");
    const quiet = [...earlier].filter((c) => !last.has(c));
    expect(quiet.length).toBeGreaterThan(0);

    const byTeam = new Map<string, number>();
    for (const row of assistance) {
      const team = row.raw.team ?? row.raw["Đội tình nguyện"]!;
      byTeam.set(team, (byTeam.get(team) ?? 0) + 1);
    }
    const counts = [...byTeam.values()].sort((a, b) => b - a);
    expect(counts[0]!).toBeGreaterThan(3 * counts[Math.floor(counts.length / 2)]!);
  });

  it("exports two months with Vietnamese headers and one file with personal-data columns", async () => {
    const vi = manifest.files.filter((f) => f.kind === "assistance" && f.header_language === "vi");
    expect(vi.map((f) => f.month)).toEqual(["2025-10", "2026-02"]);
    const text = await readFile(join(dirA, vi[0]!.file), "utf8");
    expect(text.startsWith("\uFEFFMã hồ sơ;Ngày hỗ trợ;")).toBe(true);
    expect(text.split("\r\n")[1]).toMatch(/^LD-2025-10-\d{6};\d{2}\/\d{2}\/\d{4} \d{2}:\d{2};/);

    const personal = manifest.files.filter((f) => f.personal_data_columns.length > 0);
    expect(personal).toHaveLength(1);
    const rows = await readCsv(dirA, personal[0]!);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["Họ tên", "SĐT"]));
    for (const row of rows) {
      expect(row["Họ tên"]!.normalize("NFC")).toMatch(/^\p{L}+ (Văn|Thị) [A-Z]$/u);
      expect(row["SĐT"]).toMatch(/^0900000\d{3}$/);
    }
  });

  it("writes consistent dossier figures and a correction that raises under-counted online dossiers", async () => {
    const file = (name: string) => manifest.files.find((f) => f.file === name)!;
    const march = await readCsv(dirA, file("dossiers-2026-03.csv"));
    const corrected = await readCsv(dirA, file("dossiers-2026-03-corrected.csv"));
    for (const row of [...march, ...corrected]) {
      expect(Number(row.received_online)).toBeLessThanOrEqual(Number(row.received_total));
      expect(Number(row.resolved_on_time)).toBeLessThanOrEqual(Number(row.resolved_total));
    }
    expect(corrected.length).toBeGreaterThan(0);
    expect(corrected.length).toBeLessThan(march.length / 5);
    const key = (r: Record<string, string>) => `${r.commune}|${r.procedure}`;
    const first = new Map(march.map((r) => [key(r), r]));
    let raised = 0;
    for (const row of corrected) {
      const original = first.get(key(row));
      if (!original) continue; // a commune name typed without diacritics in one of the two
      expect(row.received_total).toBe(original.received_total);
      expect(Number(row.received_online)).toBeGreaterThanOrEqual(Number(original.received_online));
      if (Number(row.received_online) > Number(original.received_online)) raised++;
    }
    expect(raised).toBeGreaterThan(0);
    const november2025 = await readCsv(dirA, file("dossiers-2025-11.csv"));
    expect(november2025[0]!.month).toBe("11/2025");
  });
});
