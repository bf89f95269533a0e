import { describe, expect, it } from "vitest";

import { WeightedTable, createRng, hashSeed } from "~/lib/sample/prng";
import { formatCsvLine } from "~/lib/sample/csv-line";
import { parse } from "csv-parse/sync";

describe("seeded PRNG", () => {
  it("repeats a stream for the same keys and differs for other keys", () => {
    const draw = (...keys: Array<string | number>) => {
      const rng = createRng(...keys);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw(1, "cases", "24846")).toEqual(draw(1, "cases", "24846"));
    expect(draw(1, "cases", "24846")).not.toEqual(draw(2, "cases", "24846"));
    expect(draw(1, "cases", "24846")).not.toEqual(draw(1, "cases", "24848"));
    // Parts are delimited: ("ab", "c") is not ("a", "bc").
    expect(hashSeed("ab", "c")).not.toBe(hashSeed("a", "bc"));
  });

  it("draws uniformly in [0, 1) with the expected mean", () => {
    const rng = createRng("uniform");
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = rng.next();
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
  });

  it("draws Poisson and binomial counts with the right means", () => {
    const rng = createRng("counts");
    const mean = (f: () => number) =>
      Array.from({ length: 5_000 }, f).reduce((a, b) => a + b, 0) / 5_000;
    expect(mean(() => rng.poisson(3))).toBeCloseTo(3, 0);
    expect(mean(() => rng.poisson(80)) / 80).toBeCloseTo(1, 1);
    expect(mean(() => rng.binomial(20, 0.3))).toBeCloseTo(6, 0);
    expect(mean(() => rng.binomial(500, 0.7)) / 350).toBeCloseTo(1, 1);
    expect(mean(() => rng.noise(0.5))).toBeCloseTo(1, 1);
  });

  it("picks from a weighted table in proportion to the weights, never a zero weight", () => {
    const table = new WeightedTable([
      ["a", 1],
      ["b", 3],
      ["never", 0],
    ] as const);
    const rng = createRng("weights");
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 8_000; i++) counts[table.draw(rng)]++;
    expect(counts.never).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.6);
    expect(counts.b / counts.a).toBeLessThan(3.4);
  });
});

describe("formatCsvLine", () => {
  it("quotes fields holding the delimiter, quotes or line breaks, and round-trips", () => {
    const fields = ["Khai sinh kết hợp nhận cha, mẹ, con", 'a "b"', "x;y", "plain", "line\nbreak"];
    const comma = formatCsvLine(fields);
    expect(comma).toBe('"Khai sinh kết hợp nhận cha, mẹ, con","a ""b""",x;y,plain,"line\nbreak"\n');
    const semicolon = formatCsvLine(fields, ";", "\r\n");
    expect(semicolon.startsWith("Khai sinh kết hợp nhận cha, mẹ, con;")).toBe(true);
    expect(parse(comma)).toEqual([fields]);
    expect(parse(semicolon, { delimiter: ";" })).toEqual([fields]);
  });
});
