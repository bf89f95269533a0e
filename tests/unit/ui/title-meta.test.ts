// A page's <title> is its loader's title; when the loader threw (no data) it is the app's name.
import { describe, expect, it } from "vitest";
import { titleMeta } from "~/lib/http/title-meta";
import { vi } from "~/lib/i18n/catalog-vi";

describe("titleMeta", () => {
  it("uses the loader's title", () => {
    expect(titleMeta({ data: { title: "Xã A — Cầu Nối Số" } })).toEqual([
      { title: "Xã A — Cầu Nối Số" },
    ]);
  });

  it("falls back to the app's name without loader data", () => {
    expect(titleMeta({ data: undefined })).toEqual([{ title: vi["app.name"] }]);
  });
});
