// Arrow and Parquet hold a zone-less time as UTC wall clock, whatever the server's time zone.
import { afterEach, describe, expect, it } from "vitest";
import { timeMillis } from "~/lib/export/time-value";

describe("timeMillis", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("reads a zone-less date-time as UTC, also on a server set to Vietnam's zone", () => {
    for (const tz of ["UTC", "Asia/Ho_Chi_Minh", "America/New_York"]) {
      process.env.TZ = tz;
      expect(timeMillis("2026-01-05T08:30:00"), tz).toBe(Date.UTC(2026, 0, 5, 8, 30));
      expect(timeMillis("2026-01-05 08:30:00.250"), tz).toBe(Date.UTC(2026, 0, 5, 8, 30, 0, 250));
      expect(timeMillis("2026-01-05"), tz).toBe(Date.UTC(2026, 0, 5));
    }
  });

  it("keeps an explicit offset and milliseconds as given, and says NaN for a non-date", () => {
    expect(timeMillis("2026-01-05T08:30:00+07:00")).toBe(Date.UTC(2026, 0, 5, 1, 30));
    expect(timeMillis(1_767_601_800_000)).toBe(1_767_601_800_000);
    expect(timeMillis("không rõ")).toBeNaN();
  });
});
