// The download links' hrefs: the view's filters kept, the language dropped, the format added as a
// parameter or as the path's extension.
import { describe, expect, it } from "vitest";
import { downloadHref } from "~/components/download-links";

describe("downloadHref", () => {
  it("adds the page's filters and the format, and drops lang", () => {
    expect(
      downloadHref("/overview/download?table=trend", "csv", {
        search: "?period=6m&unit_type=xa&lang=en",
      }),
    ).toBe("/overview/download?table=trend&period=6m&unit_type=xa&format=csv");
  });

  it("keeps repeated communes once each and replaces an earlier format", () => {
    expect(
      downloadHref("/compare/download?dataset=table&commune=24846&format=json", "parquet", {
        search: new URLSearchParams("commune=24846&commune=25162"),
      }),
    ).toBe("/compare/download?dataset=table&commune=24846&commune=25162&format=parquet");
  });

  it("puts the format on the path for the API", () => {
    expect(
      downloadHref("/api/v1/commune-month", "arrow", {
        search: "from=2025-07&to=2025-12",
        formatIn: "extension",
      }),
    ).toBe("/api/v1/commune-month.arrow?from=2025-07&to=2025-12");
  });
});
