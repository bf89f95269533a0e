// The small-cell rule (NHS Digital's, docs/metrics.md): 0 stays 0, 1–7 becomes "<8", 8 and above
// is rounded to the nearest 5; rates come from raw counts; a selection of 1–7 records gets no
// breakdown. Expected values below were worked out by hand from that rule.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  SUPPRESSED_LABEL,
  isTooFewToBreakDown,
  suppressCount,
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
  it("computes the rate from raw counts once the denominator reaches 8", () => {
    expect(suppressedRate(3, 8)).toBe(0.375);
    expect(suppressedRate(0, 8)).toBe(0);
    // From raw counts: 13 of 17 is 0.7647…, not 15 of 15 (the rounded cells) = 1.
    expect(suppressedRate(13, 17)).toBeCloseTo(13 / 17, 12);
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
