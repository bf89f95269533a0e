// The disclosure rules the property test applies to whole views (tests/integration/support/
// disclosure.ts), on views built by hand: the leaky ones the issue saw, and their safe forms.
import { describe, expect, it } from "vitest";
import { shareOfTotal, suppressCount } from "~/lib/privacy/suppress";
import { findLeaks, rawInterval, reachRowsFacts } from "../../integration/support/disclosure";

describe("disclosure rules", () => {
  it("finds the count behind a share published beside its total (0,4 % of 245 → 1)", () => {
    const leaky = [{ breakdown: "reach", cases: suppressCount(1), share_helped: 1 / 245 }];
    expect(findLeaks(reachRowsFacts("leaky", leaky, 245))).toEqual([
      { where: "leaky reach[0]", rule: "share × total", derived: 1 },
    ]);
    const safe = [
      { breakdown: "reach", cases: suppressCount(1), share_helped: shareOfTotal(1, 245, true) },
    ];
    expect(findLeaks(reachRowsFacts("safe", safe, 245))).toEqual([]);
  });

  it("finds the count behind a reach index times the population share", () => {
    const rows = [
      {
        breakdown: "reach",
        cases: "<8",
        share_helped: null,
        population_share: 0.5,
        reach_index: 3 / 40 / 0.5,
      },
    ];
    expect(findLeaks(reachRowsFacts("rate", rows, 40))).toEqual([
      { where: "rate reach[0]", rule: "rate × denominator", derived: 3 },
    ]);
  });

  it("finds the one part a total leaves when every other part is known exactly", () => {
    // 20 cases: 0 under 18, "<8" aged 18–34 and 15 aged 35–59 would leave 2–7 — not pinned; but
    // with the others all 0 the total gives the hidden part away.
    const pinned = [
      { breakdown: "age_band", cases: 0 },
      { breakdown: "age_band", cases: "<8" },
      { breakdown: "age_band", cases: 0 },
    ];
    expect(findLeaks(reachRowsFacts("ages", pinned, 5))).toEqual([
      { where: "ages age_band[1]", rule: "total − visible parts", derived: 5 },
    ]);
    const blurred = [
      { breakdown: "age_band", cases: 0 },
      { breakdown: "age_band", cases: "<8" },
      { breakdown: "age_band", cases: 15 },
    ];
    expect(findLeaks(reachRowsFacts("ages", blurred, 20))).toEqual([]);
  });

  it("reads a shown count as the raw counts it may stand for", () => {
    expect(rawInterval("<8")).toEqual([1, 7]);
    expect(rawInterval(0)).toEqual([0, 0]);
    expect(rawInterval(10)).toEqual([8, 12]);
    expect(rawInterval(245)).toEqual([243, 247]);
  });
});
