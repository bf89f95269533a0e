import { existsSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_FIELD_CHARS } from "~/lib/etl/read/build-row";
import { openSource } from "~/lib/etl/read/open-source.server";
import { MASK } from "~/lib/etl/read/pii";
import {
  ASSISTANCE_HEADER_EN,
  collectRows,
  createTempDir,
  FIXTURES_DIR,
  hex,
  openFilesMatching,
  rejection,
  utf16be,
} from "./fixture-files";

const tmp = createTempDir();
afterAll(() => tmp.remove());

const POPULATION_VI = "Xã,Năm,Tổng dân số,Dân tộc thiểu số,Người cao tuổi,Nữ";
const POPULATION_ROWS = [
  "Phường Lâm Viên - Đà Lạt,2025,41234,3120,5012,20987",
  "Xã Lạc Dương,2025,18002,9100,1500,9020",
];
const POPULATION_CSV = [POPULATION_VI, ...POPULATION_ROWS].join("\n") + "\n";
const EXPECTED_POPULATION = [
  {
    line: 2,
    values: {
      commune: "Phường Lâm Viên - Đà Lạt",
      year: "2025",
      population_total: "41234",
      population_minority: "3120",
      population_elderly: "5012",
      population_female: "20987",
    },
  },
  {
    line: 3,
    values: {
      commune: "Xã Lạc Dương",
      year: "2025",
      population_total: "18002",
      population_minority: "9100",
      population_elderly: "1500",
      population_female: "9020",
    },
  },
];

async function readPopulation(name: string, content: string | Uint8Array) {
  const source = await openSource(tmp.write(name, content), { kind: "population" });
  return { source, rows: await collectRows(source) };
}

describe("openSource on the committed Vietnamese assistance export", () => {
  const path = `${FIXTURES_DIR}assistance-vi.csv`;

  it("maps headers written in any case, with or without diacritics and spacing", async () => {
    const source = await openSource(path, { kind: "assistance" });
    expect(source).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: "," });
    expect(source.columns.slice(0, 5)).toEqual([
      { header: "STT", field: null },
      { header: "MÃ HỒ SƠ", field: "record_id" },
      { header: "ngay ho tro", field: "assisted_at" },
      { header: "Xã / Phường", field: "commune" },
      { header: "Đội tình nguyện", field: "team" },
    ]);
    expect(source.missingOptional).toEqual(["age_band", "age"]);
  });

  it("drops every non-canonical column and says which held personal data", async () => {
    const source = await openSource(path, { kind: "assistance" });
    expect(source.droppedColumns).toEqual([
      { name: "STT", personalData: false },
      { name: "Họ và tên", personalData: true },
      { name: "CCCD", personalData: true },
      { name: "Số điện thoại", personalData: true },
      { name: "Địa chỉ", personalData: true },
      { name: "Email", personalData: true },
      { name: "Ngày sinh", personalData: true },
      { name: "Ghi chú", personalData: false },
    ]);
    const text = JSON.stringify(await collectRows(source));
    for (const personal of [
      "Nguyễn Thị A",
      "068123456789",
      "0912345678",
      "Trần Phú",
      "a@example.com",
      "02/03/1958",
      "ghi chú",
    ]) {
      expect(text).not.toContain(personal);
    }
  });

  it("gives each row the line it starts on, across quoted newlines, blank and empty lines", async () => {
    const rows = await collectRows(await openSource(path, { kind: "assistance" }));
    expect(rows.map((r) => [r.line, r.values.record_id])).toEqual([
      [2, "HS-0001"],
      [3, "HS-0002"],
      [7, "HS-0003"],
      [8, "HS-0004"],
      [10, "HS-0005"],
      [11, "HS-0006"],
    ]);
    expect(rows[1]?.values.procedure).toBe("Đăng ký\nkhai sinh");
    expect(rows[0]?.values).toMatchObject({
      assisted_at: "01/07/2025 08:30",
      birth_year: "1958",
      ethnicity: "K'Ho",
    });
    expect(rows[2]?.values).toMatchObject({ birth_year: null, ethnicity: null, minutes: "30" });
  });

  it("reports ragged rows as row problems and reads on", async () => {
    const rows = await collectRows(await openSource(path, { kind: "assistance" }));
    expect(rows.filter((r) => r.problem).map((r) => [r.line, r.problem?.reason_code])).toEqual([
      [8, "ragged_row"],
      [10, "ragged_row"],
    ]);
    expect(rows[4]?.values.team).toBe("Đội 1, Đà Lạt");
  });

  it("masks a phone number typed into a kept column in the raw copy", async () => {
    const rows = await collectRows(await openSource(path, { kind: "assistance" }));
    expect(rows[5]?.values.team).toBe("Đội 4 (gọi 0987654321)");
    expect(rows[5]?.raw.team).toBe(`Đội 4 (gọi ${MASK})`);
  });

  it.runIf(existsSync("/proc/self/fd"))(
    "closes the file when rows are abandoned part-way",
    async () => {
      for (let i = 0; i < 3; i++) {
        const rows = (await openSource(path, { kind: "assistance" })).rows[Symbol.asyncIterator]();
        await rows.next();
        await rows.return?.();
      }
      expect(await openFilesMatching((f) => f === path)).toEqual([]);
    },
  );

  it("can be read twice, giving the same rows", async () => {
    const source = await openSource(path, { kind: "assistance" });
    expect(await collectRows(source)).toEqual(await collectRows(source));
  });
});

describe("openSource: encodings", () => {
  it("reads UTF-8 with and without a BOM alike", async () => {
    const plain = await readPopulation("plain.csv", POPULATION_CSV);
    const bom = await readPopulation("bom.csv", "\ufeff" + POPULATION_CSV);
    expect(plain.source.encoding).toBe("utf-8");
    expect(bom.source.encoding).toBe("utf-8-bom");
    expect(bom.source.columns[0]?.header).toBe("Xã");
    expect(plain.rows).toMatchObject(EXPECTED_POPULATION);
    expect(bom.rows).toEqual(plain.rows);
  });

  it("reads UTF-16LE and UTF-16BE with a BOM", async () => {
    const le = await readPopulation(
      "le.csv",
      Buffer.concat([hex("fffe"), Buffer.from(POPULATION_CSV, "utf16le")]),
    );
    const be = await readPopulation(
      "be.csv",
      Buffer.concat([hex("feff"), utf16be(POPULATION_CSV)]),
    );
    expect(le.source.encoding).toBe("utf-16le");
    expect(be.source.encoding).toBe("utf-16be");
    expect(le.rows).toMatchObject(EXPECTED_POPULATION);
    expect(be.rows).toMatchObject(EXPECTED_POPULATION);
  });

  it("reads UTF-16 beyond its first chunk, with characters split across chunks", async () => {
    const many = Array.from({ length: 5_000 }, (_, i) => `Xã Đạ Tẻh ${i},2025,${i},0,0,0`);
    const text = [POPULATION_VI, ...many].join("\r\n");
    const { rows } = await readPopulation(
      "le-long.csv",
      Buffer.concat([hex("fffe"), Buffer.from(text, "utf16le")]),
    );
    expect(rows).toHaveLength(5_000);
    expect(rows[4_999]).toMatchObject({
      line: 5_001,
      values: { commune: "Xã Đạ Tẻh 4999", population_total: "4999" },
    });
  });

  // The population header, encoded by glibc iconv (CP1258, TCVN5712-1) and by the VNI Windows
  // table of a public PHP converter.
  const legacyFiles: [string, string][] = [
    [
      "windows-1258",
      "5861de2c4ee36d2c54f4d26e672064e26e2073f4ec2c44e26e2074f4f26320746869ead2752073f4ec2c4e67fdf5cc692063616f207475f4d2692c4efdde",
    ],
    [
      "tcvn3",
      "58b72c4ea86d2c54e66e672064a96e2073e82c44a96e2074e96320746869d3752073e82c4e67adea692063616f207475e6692c4ef7",
    ],
    [
      "vni",
      "5861f52c4e61ea6d2c546fe56e67206461e26e20736fe12c4461e26e20746fe4632074686965e57520736fe12c4e67f6f4f8692063616f2074756fe5692c4ef6f5",
    ],
  ];

  it("has legacy fixtures that really are the population header in those encodings", async () => {
    const { decodeLegacy } = await import("~/lib/etl/read/legacy-vietnamese");
    for (const [encoding, bytes] of legacyFiles) {
      expect(decodeLegacy(hex(bytes), encoding as "vni")).toBe(
        "Xã,Năm,Tổng dân số,Dân tộc thiểu số,Người cao tuổi,Nữ",
      );
    }
  });

  for (const [encoding, bytes] of legacyFiles) {
    it(`rejects a ${encoding} file, naming the encoding`, async () => {
      const file = tmp.write(`${encoding}.csv`, Buffer.concat([hex(bytes), hex("0a")]));
      const error = await rejection(openSource(file, { kind: "population" }));
      expect(error.code).toBe("encoding_legacy");
      expect(error.details).toEqual({ encoding });
      expect(error.message_vi).toMatch(/UTF-8/);
    });
  }

  it("tells Windows-1258 users to re-save as CSV UTF-8, and TCVN3/VNI users to use Unikey", async () => {
    const [cp, tcvn, vni] = await Promise.all(
      legacyFiles.map(([encoding, bytes]) =>
        rejection(openSource(tmp.write(`${encoding}-msg.csv`, hex(bytes)), { kind: "population" })),
      ),
    );
    expect(cp?.message_vi).toContain("Windows-1258");
    expect(cp?.message_vi).toContain("CSV UTF-8 (Comma delimited)");
    expect(tcvn?.message_vi).toContain("TCVN3");
    expect(tcvn?.message_en).toContain("Unikey");
    expect(vni?.message_vi).toContain("VNI");
    expect(vni?.message_en).toContain("Unicode");
  });

  it("rejects invalid UTF-8 met after the first chunk while rows are read", async () => {
    const good = Array.from({ length: 4_000 }, (_, i) => `Xa ${i},2025,1,0,0,0`).join("\n");
    const file = tmp.write(
      "late-legacy.csv",
      Buffer.concat([
        Buffer.from(`${POPULATION_VI}\n${good}\n`),
        hex("44e26e2074f4f2632c323032352c312c302c302c300a"),
      ]),
    );
    const source = await openSource(file, { kind: "population" });
    const error = await rejection(collectRows(source));
    expect(error.code).toBe("encoding_legacy");
    expect(error.details).toEqual({ encoding: "windows-1258" });
  });

  it("rejects NUL bytes as binary or UTF-16 without a BOM", async () => {
    const error = await rejection(
      openSource(tmp.write("utf16-nobom.csv", Buffer.from(POPULATION_CSV, "utf16le")), {
        kind: "population",
      }),
    );
    expect(error.code).toBe("encoding_binary");
    expect(error.message_en).toContain("UTF-16");
  });
});

describe("openSource: CSV dialects", () => {
  it("detects ; and tab delimiters from the header line", async () => {
    const semi = await readPopulation("semi.csv", POPULATION_CSV.replace(/,/g, ";"));
    const tab = await readPopulation("tab.tsv", POPULATION_CSV.replace(/,/g, "\t"));
    expect(semi.source.delimiter).toBe(";");
    expect(tab.source.delimiter).toBe("\t");
    expect(semi.rows).toMatchObject(EXPECTED_POPULATION);
    expect(tab.rows).toMatchObject(EXPECTED_POPULATION);
  });

  it("keeps a comma inside a ;-separated value", async () => {
    const { rows } = await readPopulation(
      "semi-comma.csv",
      `${POPULATION_VI.replace(/,/g, ";")}\nPhường 1, Bảo Lộc;2025;1;0;0;0\n`,
    );
    expect(rows[0]?.values.commune).toBe("Phường 1, Bảo Lộc");
    expect(rows[0]?.problem).toBeUndefined();
  });

  for (const [name, eol] of [
    ["CRLF", "\r\n"],
    ["CR", "\r"],
    ["LF", "\n"],
  ] as const) {
    it(`reads ${name} line endings with quoted newlines and blank lines, lines counted right`, async () => {
      const text = [
        POPULATION_VI,
        `"Xã${eol}Lạc Dương",2025,1,0,0,0`,
        "",
        `Xã Đạ Huoai,2025,2,0,0,0`,
        `"Xã${eol}${eol}Đam Rông 1",2025,3,0,0,0`,
        "Xã Tà Hine,2025,4,0,0,0",
      ].join(eol);
      const { rows } = await readPopulation(`eol-${name}.csv`, text);
      expect(rows.map((r) => [r.line, r.values.commune])).toEqual([
        [2, `Xã${eol}Lạc Dương`],
        [5, "Xã Đạ Huoai"],
        [6, `Xã${eol}${eol}Đam Rông 1`],
        [9, "Xã Tà Hine"],
      ]);
    });
  }

  it("finds the header after leading blank lines and counts them", async () => {
    const { rows } = await readPopulation("leading-blank.csv", `\n\n${POPULATION_CSV}`);
    expect(rows.map((r) => r.line)).toEqual([4, 5]);
  });

  it("gives NFD headers and values back in NFC", async () => {
    const { source, rows } = await readPopulation("nfd.csv", POPULATION_CSV.normalize("NFD"));
    expect(source.columns.map((c) => c.header)).toEqual(POPULATION_VI.split(","));
    expect(rows).toMatchObject(EXPECTED_POPULATION);
    expect(rows[0]?.raw.commune).toBe("Phường Lâm Viên - Đà Lạt");
  });

  it("reports a 1 MB field as too long, without failing the file", async () => {
    const huge = "Đ".repeat(1024 * 1024);
    const text = `${POPULATION_VI}\n"${huge}",2025,1,0,0,0\nXã Lạc Dương,2025,2,0,0,0\n`;
    const { rows } = await readPopulation("huge.csv", text);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ line: 2, values: { commune: null, year: "2025" } });
    expect(rows[0]?.problem).toMatchObject({ reason_code: "field_too_long", column: "commune" });
    expect(String(rows[0]?.raw.commune).length).toBe(MAX_FIELD_CHARS + 1);
    expect(rows[1]).toMatchObject({ line: 3, values: { commune: "Xã Lạc Dương" } });
  });

  it("rejects a quote that is never closed, naming the line it opens on", async () => {
    // The header search reads the first rows, so a defect this early is found on opening.
    const error = await rejection(
      openSource(
        tmp.write(
          "unclosed.csv",
          `${POPULATION_CSV}"Xã Lạc Dương,2025,1,0,0,0\nXã B,2025,1,0,0,0\n`,
        ),
        { kind: "population" },
      ).then(collectRows),
    );
    expect(error.code).toBe("malformed_csv");
    expect(error.details).toMatchObject({ line: 4, defect: "quote_not_closed" });
  });
});

describe("openSource: files that cannot be loaded", () => {
  it("rejects a file missing required columns, listing them", async () => {
    const error = await rejection(
      openSource(tmp.write("missing.csv", "Mã hồ sơ,Ngày hỗ trợ,Xã\nHS-1,01/07/2025,Xã A\n"), {
        kind: "assistance",
      }),
    );
    expect(error.code).toBe("missing_columns");
    expect(error.details).toEqual({
      missing: ["team", "procedure", "help_type", "channel", "outcome", "gender", "minutes"],
    });
  });

  it("accepts an assistance file without record_id: ids are derived", async () => {
    const header = ASSISTANCE_HEADER_EN.replace("record_id,", "");
    const file = tmp.write(
      "no-id.csv",
      `${header}\n01/07/2025,Xã A,Đội 1,T1,1.001193,guidance,online,completed,female,15\n`,
    );
    const source = await openSource(file, { kind: "assistance" });
    expect(source.missingOptional).toContain("record_id");
    expect((await collectRows(source))[0]?.values).toMatchObject({
      assisted_at: "01/07/2025",
      minutes: "15",
    });
  });

  it("rejects an empty file, a BOM-only file and a file of blank lines", async () => {
    for (const [name, content] of [
      ["empty.csv", ""],
      ["bom-only.csv", "\ufeff"],
      ["blank.csv", "\n\r\n  \n,,,\n"],
    ]) {
      const error = await rejection(openSource(tmp.write(name!, content!), { kind: "population" }));
      expect(error.code, name).toBe("empty_file");
    }
  });

  it("rejects Excel 97–2003, PDF and HTML-named-.xls files with a way forward", async () => {
    const xls = await rejection(
      openSource(tmp.write("old.xls", hex("d0cf11e0a1b11ae1000000")), { kind: "population" }),
    );
    const pdf = await rejection(
      openSource(tmp.write("report.csv", "%PDF-1.7\n"), { kind: "population" }),
    );
    const html = await rejection(
      openSource(tmp.write("export.xls", "<table><tr><td>Xã</td></tr></table>"), {
        kind: "population",
      }),
    );
    expect([xls.code, pdf.code, html.code]).toEqual([
      "unsupported_format",
      "unsupported_format",
      "unsupported_format",
    ]);
    expect(xls.message_vi).toContain(".xlsx");
    expect(html.details).toEqual({ format: "not_a_workbook" });
  });
});
