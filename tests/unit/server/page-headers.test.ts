// The one `headers` export the page routes share: which response's Cache-Control and Vary a page
// is sent with.
import { describe, expect, it } from "vitest";
import { noStoreHeaders, pageHeaders } from "~/lib/http/page-headers";

const PRIVATE = { "Cache-Control": "private, no-cache", Vary: "Cookie" };

function headersOf(args: {
  loader?: HeadersInit;
  action?: HeadersInit;
  error?: HeadersInit;
  parent?: HeadersInit;
}): Headers {
  return new Headers(
    pageHeaders({
      loaderHeaders: new Headers(args.loader),
      actionHeaders: new Headers(args.action),
      errorHeaders: args.error ? new Headers(args.error) : undefined,
      parentHeaders: new Headers(args.parent),
    }),
  );
}

describe("pageHeaders", () => {
  it("sends the loader's Cache-Control and Vary, and nothing else the loader set", () => {
    const headers = headersOf({ loader: { ...PRIVATE, "X-Other": "1" } });
    expect(headers.get("Cache-Control")).toBe("private, no-cache");
    expect(headers.get("Vary")).toBe("Cookie");
    expect(headers.has("X-Other")).toBe(false);
  });

  it("sends a thrown response's Cache-Control instead of the loader's", () => {
    const headers = headersOf({ loader: PRIVATE, error: { "Cache-Control": "no-store" } });
    expect(headers.get("Cache-Control")).toBe("no-store");
    expect(headers.has("Vary")).toBe(false);
  });

  it("sends the action's headers when the action chose a Cache-Control", () => {
    expect(
      headersOf({ loader: PRIVATE, action: { "Cache-Control": "no-store" } }).get("Cache-Control"),
    ).toBe("no-store");
    // An action that set none (a redirect, a plain JSON reply) leaves the loader's in place.
    expect(headersOf({ loader: PRIVATE, action: { "X-Other": "1" } }).get("Vary")).toBe("Cookie");
  });

  it("keeps what the parent route set unless the page sets it too", () => {
    const headers = headersOf({
      loader: { Vary: "Cookie" },
      parent: { "Cache-Control": "no-store", "X-Parent": "kept" },
    });
    expect(headers.get("Cache-Control")).toBe("no-store");
    expect(headers.get("X-Parent")).toBe("kept");
    expect(headers.get("Vary")).toBe("Cookie");
  });
});

describe("noStoreHeaders", () => {
  it("forbids storing the page", () => {
    const headers = new Headers(
      noStoreHeaders({
        loaderHeaders: new Headers(PRIVATE),
        actionHeaders: new Headers(),
        errorHeaders: undefined,
        parentHeaders: new Headers(),
      }),
    );
    expect(headers.get("Cache-Control")).toBe("no-store");
  });
});
