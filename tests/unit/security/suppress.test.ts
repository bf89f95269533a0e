// The small-cell rule (NHS Digital's, docs/metrics.md): 0 stays 0, 1–7 becomes "<8", 8 and above
// is rounded to the nearest 5; shares come from the counts as shown, and a "<8" count has none; a
// selection of 1–7 records gets no breakdown. Expected values below were worked out by hand from that rule.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  SUPPRESSED_LABEL,
  isTooFewToBreakDown,
  suppressCount,
  shareOfTotal,
  suppressedRate,
  type SuppressedCount,
} from "~/lib/privacy/suppress";

describe("suppressCount", () => {
  it.each([
    [0, 0],
    [1, "<8"],
    [2, "<8"],
    [7, "<8"],
    [8, 10],
    [9, 10],
    [10, 10],
    [12, 10],
    [13, 15],
    [17, 15],
    [18, 20],
    [22, 20],
    [23, 25],
    [1_234_567, 1_234_565],
    [1_234_568, 1_234_570],
    [2_000_000_003, 2_000_000_005],
  ] as const)("shows %d as %s", (raw, shown) => {
    expect(suppressCount(raw)).toBe(shown);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("refuses %d, which is not a count", (raw) => {
    expect(() => suppressCount(raw)).toThrow(RangeError);
  });
});

describe("suppressedRate", () => {
  it("computes the share from the count as shown, so share × total recovers nothing more", () => {
    expect(suppressedRate(0, 8)).toBe(0);
    // 13 is shown as 15: the share is 15/40, and 15/40 × 40 = 15, the shown count.
    expect(suppressedRate(13, 40)).toBe(15 / 40);
    expect(suppressedRate(13, 40)! * 40).toBe(suppressCount(13));
    // Never more than the whole: 13 of 13 is shown as 15, its share is 100 %.
    expect(suppressedRate(13, 13)).toBe(1);
  });

  it("withholds the share of a count shown as <8 (secondary suppression)", () => {
    // 1 of 245 as 0.4 % beside "<8" and a total of 245 would give back the 1.
    expect(suppressedRate(1, 245)).toBeNull();
    expect(suppressedRate(7, 8)).toBeNull();
    expect(shareOfTotal(1, 245, false)).toBe(1 / 245);
    expect(shareOfTotal(1, 245, true)).toBeNull();
  });

  it("withholds the rate when fewer than 8 records stand behind it", () => {
    expect(suppressedRate(3, 7)).toBeNull();
    expect(suppressedRate(1, 1)).toBeNull();
    expect(suppressedRate(0, 0)).toBeNull();
  });
});

describe("isTooFewToBreakDown", () => {
  it.each([
    [0, false],
    [1, true],
    [7, true],
    [8, false],
    [500, false],
  ] as const)("%d records → %s", (total, tooFew) => {
    expect(isTooFewToBreakDown(total)).toBe(tooFew);
  });
});

/** Orders shown values as a reader would: 0 < "<8" < 10 < 15 < … */
function rank(shown: SuppressedCount): number {
  return shown === SUPPRESSED_LABEL ? 7.5 : shown;
}

describe("suppressCount over random counts (fast-check)", () => {
  const count = fc.oneof(fc.nat({ max: 40 }), fc.nat({ max: 2_000_000_000 }));

  it("shows only 0, <8 or a multiple of 5, and never a number from 1 to 7", () => {
    fc.assert(
      fc.property(count, (raw) => {
        const shown = suppressCount(raw);
        if (shown === SUPPRESSED_LABEL) return raw >= 1 && raw <= 7;
        return shown === 0 ? raw === 0 : shown % 5 === 0 && shown >= 10;
      }),
      { numRuns: 2_000 },
    );
  });

  it("never lets a larger count show as a smaller one", () => {
    fc.assert(
      fc.property(count, count, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return rank(suppressCount(low)) <= rank(suppressCount(high));
      }),
      { numRuns: 2_000 },
    );
  });

  it("moves a published count by at most 2.5", () => {
    fc.assert(
      fc.property(count, (raw) => {
        const shown = suppressCount(raw);
        return shown === SUPPRESSED_LABEL || Math.abs(shown - raw) <= 2.5;
      }),
      { numRuns: 2_000 },
    );
  });
});
