// What a first visit to a page costs on the wire: the HTML plus every stylesheet, script and
// module preload it links, each fetched with Accept-Encoding: gzip and counted compressed
// (the bytes the socket carries), as a slow connection would pay for them.
import http from "node:http";

interface Fetched {
  status: number;
  compressedBytes: number;
  body: string;
}

/** A GET that does not decompress, so the byte count is what crossed the wire. */
function getRaw(url: string, headers: Record<string, string>): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { ...headers, "Accept-Encoding": "gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", async () => {
        const raw = Buffer.concat(chunks);
        let body = raw;
        if (res.headers["content-encoding"] === "gzip") {
          const { gunzipSync } = await import("node:zlib");
          body = gunzipSync(raw);
        }
        resolve({
          status: res.statusCode ?? 0,
          compressedBytes: raw.length,
          body: body.toString(),
        });
      });
      res.on("error", reject);
    });
    request.on("error", reject);
  });
}

export interface TransferSize {
  html_bytes: number;
  css_bytes: number;
  js_bytes: number;
  total_bytes: number;
  assets: number;
}

/** Sums the compressed size of a page and the assets its HTML references. */
export async function measureTransferSize(
  pageUrl: string,
  headers: Record<string, string>,
): Promise<TransferSize> {
  const page = await getRaw(pageUrl, headers);
  if (page.status !== 200) throw new Error(`${pageUrl} answered ${page.status}`);
  const base = new URL(pageUrl);
  const css = new Set<string>();
  const js = new Set<string>();
  for (const match of page.body.matchAll(/<link[^>]+>/g)) {
    const tag = match[0];
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    if (!href) continue;
    if (/rel="stylesheet"/.test(tag)) css.add(new URL(href, base).href);
    if (/rel="modulepreload"/.test(tag)) js.add(new URL(href, base).href);
  }
  for (const match of page.body.matchAll(/<script[^>]+src="([^"]+)"/g)) {
    js.add(new URL(match[1]!, base).href);
  }
  // Inline module scripts import the entry and route chunks by URL.
  for (const match of page.body.matchAll(/import\(?\s*"(\/build\/[^"]+\.js)"/g)) {
    js.add(new URL(match[1]!, base).href);
  }
  const sizeOf = async (urls: Set<string>) => {
    let total = 0;
    for (const url of urls) total += (await getRaw(url, headers)).compressedBytes;
    return total;
  };
  const cssBytes = await sizeOf(css);
  const jsBytes = await sizeOf(js);
  return {
    html_bytes: page.compressedBytes,
    css_bytes: cssBytes,
    js_bytes: jsBytes,
    total_bytes: page.compressedBytes + cssBytes + jsBytes,
    assets: css.size + js.size,
  };
}
