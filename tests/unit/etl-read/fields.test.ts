import { describe, expect, it } from "vitest";
import {
  CANONICAL_FIELDS,
  fieldForHeader,
  HEADER_ALIASES,
  IMPORT_KINDS,
  labelField,
  listMissingFields,
  listMissingOptionalFields,
  REQUIRED_FIELDS,
  toHeaderKey,
} from "~/lib/etl/fields";
import { classifyPersonalHeader } from "~/lib/etl/read/pii";

describe("toHeaderKey", () => {
  it("ignores case, diacritics, spacing and punctuation, in NFC or NFD", () => {
    for (const header of [
      "Mã hồ sơ",
      "MÃ HỒ SƠ",
      "ma ho so",
      " Mã  hồ-sơ ",
      "Mã hồ sơ".normalize("NFD"),
    ]) {
      expect(toHeaderKey(header)).toBe("mahoso");
    }
  });

  it("folds đ to d and drops everything outside a-z0-9", () => {
    expect(toHeaderKey("Đội")).toBe("doi");
    expect(toHeaderKey("Thời gian hỗ trợ (phút)")).toBe("thoigianhotrophut");
    expect(toHeaderKey("record_id")).toBe("recordid");
  });
});

describe("fieldForHeader", () => {
  it("maps the Vietnamese headers of each kind", () => {
    expect(fieldForHeader("assistance", "Mã bản ghi")).toBe("record_id");
    expect(fieldForHeader("assistance", "Ngày")).toBe("assisted_at");
    expect(fieldForHeader("assistance", "XÃ / PHƯỜNG")).toBe("commune");
    expect(fieldForHeader("assistance", "Thời gian hỗ trợ (phút)")).toBe("minutes");
    expect(fieldForHeader("assistance", "Kênh nộp")).toBe("channel");
    expect(fieldForHeader("shifts", "Ngày")).toBe("date");
    expect(fieldForHeader("shifts", "Bắt đầu")).toBe("start");
    expect(fieldForHeader("shifts", "Giờ kết thúc")).toBe("end");
    expect(fieldForHeader("dossiers", "Tiếp nhận")).toBe("received_total");
    expect(fieldForHeader("dossiers", "Tiếp nhận trực tuyến")).toBe("received_online");
    expect(fieldForHeader("dossiers", "Giải quyết đúng hạn")).toBe("resolved_on_time");
    expect(fieldForHeader("population", "Nữ")).toBe("population_female");
    expect(fieldForHeader("population", "Dân số")).toBe("population_total");
  });

  it("accepts each field's own name in any case", () => {
    for (const kind of IMPORT_KINDS) {
      for (const field of CANONICAL_FIELDS[kind]) {
        expect(fieldForHeader(kind, field.toUpperCase().replace(/_/g, " "))).toBe(field);
      }
    }
  });

  it("returns null for a column that is not one of the kind's", () => {
    expect(fieldForHeader("assistance", "Ghi chú")).toBeNull();
    expect(fieldForHeader("population", "Mã hồ sơ")).toBeNull();
    expect(fieldForHeader("assistance", "Số giờ")).toBeNull();
  });
});

describe("header aliases", () => {
  it("never give one header key to two fields of a kind", () => {
    for (const kind of IMPORT_KINDS) {
      const owners = new Map<string, Set<string>>();
      const aliases: Record<string, readonly string[]> = HEADER_ALIASES[kind];
      for (const field of CANONICAL_FIELDS[kind]) {
        for (const alias of [field, ...(aliases[field] ?? [])]) {
          const key = toHeaderKey(alias);
          owners.set(key, (owners.get(key) ?? new Set()).add(field));
        }
      }
      const clashes = [...owners].filter(([, fields]) => fields.size > 1);
      expect(clashes, kind).toEqual([]);
    }
  });

  it("never look like a personal-data column", () => {
    for (const kind of IMPORT_KINDS) {
      const aliases: Record<string, readonly string[]> = HEADER_ALIASES[kind];
      for (const field of CANONICAL_FIELDS[kind]) {
        for (const alias of [field, ...(aliases[field] ?? [])]) {
          expect(classifyPersonalHeader(alias), `${kind}.${field}: ${alias}`).toBeNull();
        }
      }
    }
  });
});

describe("required fields", () => {
  const present = (kind: keyof typeof REQUIRED_FIELDS, except: string[] = []) =>
    REQUIRED_FIELDS[kind].filter((f) => !except.includes(f));

  it("are canonical fields", () => {
    for (const kind of IMPORT_KINDS) {
      const canonical: readonly string[] = CANONICAL_FIELDS[kind];
      for (const field of REQUIRED_FIELDS[kind]) expect(canonical).toContain(field);
    }
  });

  it("need neither a record id nor a volunteer column (ids are derived; volunteers unknown)", () => {
    const without = present("assistance", ["record_id", "volunteer_id"]);
    expect(listMissingFields("assistance", without)).toEqual([]);
    expect(
      listMissingFields("shifts", present("shifts", ["shift_id", "volunteer_id", "start", "end"])),
    ).toEqual(["hours"]);
  });

  it("leave ids, volunteers, age, birth year, age band and ethnicity optional", () => {
    expect(listMissingFields("assistance", present("assistance"))).toEqual([]);
    expect(listMissingOptionalFields("assistance", present("assistance"))).toEqual([
      "record_id",
      "volunteer_id",
      "age_band",
      "birth_year",
      "age",
      "ethnicity",
    ]);
  });

  it("need start and end, or hours, for shifts", () => {
    const base = present("shifts");
    expect(listMissingFields("shifts", [...base, "start", "end"])).toEqual([]);
    expect(listMissingFields("shifts", [...base, "hours"])).toEqual([]);
    expect(listMissingFields("shifts", [...base, "start"])).toEqual(["end"]);
    expect(listMissingFields("shifts", base)).toEqual(["hours"]);
    expect(listMissingOptionalFields("shifts", [...base, "hours"])).toEqual([
      "shift_id",
      "volunteer_id",
      "start",
      "end",
    ]);
  });

  it("leave a dossier's procedure and resolved figures optional", () => {
    expect(
      listMissingFields("dossiers", ["commune", "month", "received_total", "received_online"]),
    ).toEqual([]);
    expect(listMissingFields("dossiers", ["commune", "month", "received_total"])).toEqual([
      "received_online",
    ]);
  });
});

describe("labelField", () => {
  it("pairs the field with its Vietnamese label", () => {
    expect(labelField("assistance", "record_id")).toBe("record_id (Mã hồ sơ)");
    expect(labelField("population", "population_female")).toBe("population_female (Nữ)");
  });
});
