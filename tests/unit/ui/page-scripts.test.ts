// Pages whose routes all say `handle = { hydrate: false }` ship no scripts; any other page does.
import { describe, expect, it } from "vitest";
import { shouldHydrate } from "~/components/page-scripts";

describe("shouldHydrate", () => {
  it("drops scripts only when every matched route opts out", () => {
    expect(shouldHydrate([{ hydrate: false }])).toBe(false);
    expect(shouldHydrate([{ hydrate: false }, { hydrate: false }])).toBe(false);
    expect(shouldHydrate([{ hydrate: false }, undefined])).toBe(true);
    expect(shouldHydrate([{ hydrate: true }])).toBe(true);
    expect(shouldHydrate([undefined])).toBe(true);
    expect(shouldHydrate([{ other: 1 }])).toBe(true);
  });
});
