import { describe, expect, it } from "vitest";
import { en } from "~/lib/i18n/catalog-en";
import { vi, type MessageKey } from "~/lib/i18n/catalog-vi";
import { downloadHref } from "~/components/download-links";
import { buildHref, hrefWithLang } from "~/lib/http/href";
import { langCookie, resolveLanguage } from "~/lib/i18n/language.server";
import { langOf } from "~/lib/i18n/languages";
import { createTranslator, isMessageKey, listPlaceholders } from "~/lib/i18n/translate";

describe("message catalogs", () => {
  it("have the same keys in Vietnamese and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it("use the same placeholders for every key in both languages", () => {
    for (const key of Object.keys(vi) as MessageKey[]) {
      expect([key, listPlaceholders(en[key]).sort()]).toEqual([
        key,
        listPlaceholders(vi[key]).sort(),
      ]);
    }
  });

  it("have no empty message", () => {
    for (const message of [...Object.values(vi), ...Object.values(en)]) {
      expect(message.trim()).not.toBe("");
    }
  });
});

describe("createTranslator", () => {
  it("fills placeholders in the chosen language", () => {
    expect(createTranslator("vi")("overview.heading", { province: "Tỉnh Lâm Đồng" })).toBe(
      "Tổng quan Tỉnh Lâm Đồng",
    );
    expect(createTranslator("en")("overview.heading", { province: "Lâm Đồng" })).toBe(
      "Lâm Đồng overview",
    );
  });

  it("leaves a placeholder visible when its value is missing", () => {
    expect(createTranslator("en")("kpi.change.up", {})).toBe("up {value}");
  });

  it("recognises message keys", () => {
    expect(isMessageKey("app.name")).toBe(true);
    expect(isMessageKey("toString")).toBe(false);
    expect(isMessageKey(42)).toBe(false);
  });
});

describe("links keep the language", () => {
  it("adds lang and keeps the other parameters", () => {
    expect(buildHref("/", "?period=6m&unit_type=xa", { period: "3m" }, "en")).toBe(
      "/?period=3m&unit_type=xa&lang=en",
    );
  });

  it("drops parameters no page reads, so a visitor's junk is not echoed into every link", () => {
    const junk =
      "?period=6m&utm_source=x&%3Cscript%3E=1&commune=22918&commune=22969&x=" + "A".repeat(50);
    expect(buildHref("/", junk, {}, "vi")).toBe("/?period=6m&commune=22918&commune=22969&lang=vi");
    expect(downloadHref("/overview/download?table=trend", "csv", { search: junk })).toBe(
      "/overview/download?table=trend&period=6m&commune=22918&commune=22969&format=csv",
    );
  });

  it("removes parameters set to null and replaces an existing lang", () => {
    expect(buildHref("/", "?from=2025-08&to=2025-12&lang=vi", { from: null, to: null }, "en")).toBe(
      "/?lang=en",
    );
    expect(hrefWithLang("/healthz", "vi")).toBe("/healthz?lang=vi");
  });

  it("falls back to Vietnamese when loader data has no language", () => {
    expect(langOf(undefined)).toBe("vi");
    expect(langOf({ lang: "fr" })).toBe("vi");
    expect(langOf({ lang: "en" })).toBe("en");
  });
});

describe("resolveLanguage", () => {
  const request = (url: string, cookie?: string) =>
    new Request(url, { headers: cookie ? { Cookie: cookie } : {} });

  it("defaults to Vietnamese without parameter or cookie", async () => {
    expect(await resolveLanguage(request("http://x/"))).toEqual({ lang: "vi", setCookie: null });
  });

  it("takes ?lang= and remembers it in a cookie", async () => {
    const choice = await resolveLanguage(request("http://x/?lang=en"));
    expect(choice.lang).toBe("en");
    expect(choice.setCookie).toMatch(/^lang=/);
    const cookie = choice.setCookie!.split(";")[0]!;
    expect(await resolveLanguage(request("http://x/", cookie))).toEqual({
      lang: "en",
      setCookie: null,
    });
  });

  it("does not set the cookie again when it already holds the language", async () => {
    const cookie = (await langCookie.serialize("en")).split(";")[0]!;
    expect(await resolveLanguage(request("http://x/?lang=en", cookie))).toEqual({
      lang: "en",
      setCookie: null,
    });
  });

  it("ignores an unknown language in the URL", async () => {
    expect((await resolveLanguage(request("http://x/?lang=fr"))).lang).toBe("vi");
  });
});
