// Turns an ExportDataset into a streamed download: picks the writer for the format, sets the
// headers (type, attachment name, no-store, nosniff, the stamp), and pipes the writer's output
// into the Response body. The first row is read before the response starts, so a failing query is
// an error response, not a truncated 200; a failure after that aborts the stream and is logged.
import { json } from "@remix-run/node";
import { PassThrough, Readable, type Writable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { recordAudit } from "~/lib/auth/audit.server";
import { clientAddress } from "~/lib/auth/client-address.server";
import { can, readsLabelledSpreadsheets, type Viewer } from "~/lib/auth/policy";
import { getDb } from "~/lib/db.server";
import { StreamClosedError } from "./byte-sink.server";
import { withVietnameseLabels } from "./column-labels";
import type { ExportDataset, ExportFormat } from "./dataset";
import { EXPORT_FORMAT_INFO } from "./formats";
import { acceptsGzip } from "~/lib/http/accept-encoding";
import { keptExport, keptExportSlot, type KeptExport } from "./kept-exports.server";
import { contentDisposition, stampHeaders } from "./stamp";
import { writeArrow } from "./write-arrow.server";
import { writeCsv } from "./write-csv.server";
import { writeJson } from "./write-json.server";
import { writeParquet } from "./write-parquet.server";
import { writeXlsx } from "./write-xlsx.server";

export interface ExportResponseOptions {
  request: Request;
  viewer: Viewer;
}

const WRITERS: Record<ExportFormat, (dataset: ExportDataset, out: Writable) => Promise<void>> = {
  csv: writeCsv,
  xlsx: writeXlsx,
  arrow: writeArrow,
  parquet: writeParquet,
  json: writeJson,
};

/** The file's name with extension, e.g. "cau-noi-so_commune-month_2025-07_2026-06.csv". */
export function exportFileName(dataset: ExportDataset, format: ExportFormat): string {
  return `${dataset.file_base_name}.${EXPORT_FORMAT_INFO[format].extension}`;
}

export function exportHeaders(dataset: ExportDataset, format: ExportFormat): Headers {
  return new Headers({
    "Content-Type": EXPORT_FORMAT_INFO[format].contentType,
    "Content-Disposition": contentDisposition(exportFileName(dataset, format)),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    ...stampHeaders(dataset.stamp),
  });
}

/**
 * Reads the first item now (so a failing query throws here) and returns items that replay it
 * followed by the rest, adding each one's row count to `counter`.
 */
async function startItems<T>(
  items: Iterable<T> | AsyncIterable<T>,
  counter: { rows: number },
  rowsOf: (item: T) => number,
): Promise<AsyncIterable<T>> {
  const iterator =
    Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  const first = await iterator.next();
  return {
    async *[Symbol.asyncIterator]() {
      let current = first;
      try {
        while (!current.done) {
          counter.rows += rowsOf(current.value);
          yield current.value;
          current = await iterator.next();
        }
      } finally {
        // Stopped early (client gone, writer failed): let the source close its cursor or COPY.
        if (!current.done) await iterator.return?.();
      }
    },
  };
}

/**
 * The dataset with the source the format reads started: database-formatted CSV lines, vector
 * batches for Arrow, column batches for Arrow and Parquet, or rows. Sources the format does not
 * read are dropped unstarted.
 */
async function startDataset(
  dataset: ExportDataset,
  format: ExportFormat,
  counter: { rows: number },
): Promise<ExportDataset> {
  const { csvLines, columnBatches, vectorBatches, ...rest } = dataset;
  if (format === "csv" && csvLines) {
    return { ...rest, csvLines: await startItems(csvLines, counter, (chunk) => chunk.rows) };
  }
  if (format === "arrow" && vectorBatches) {
    const started = await startItems(vectorBatches, counter, (batch) => batch.length);
    return { ...rest, vectorBatches: started };
  }
  if ((format === "arrow" || format === "parquet") && columnBatches) {
    const started = await startItems(columnBatches, counter, (batch) => batch.length);
    return { ...rest, columnBatches: started };
  }
  return { ...rest, rows: await startItems(dataset.rows, counter, () => 1) };
}

export async function exportResponse(
  original: ExportDataset,
  format: ExportFormat,
  { request, viewer }: ExportResponseOptions,
): Promise<Response> {
  if (!can(viewer, "download")) {
    return json({ kind: "forbidden" }, { status: 403, headers: { "Cache-Control": "no-store" } });
  }
  // Kept files are per role (kept-exports.server.ts), so a labelled XLSX never reaches an analyst.
  const dataset =
    format === "xlsx" && readsLabelledSpreadsheets(viewer)
      ? withVietnameseLabels(original)
      : original;
  const slot = await keptExportSlot(await getDb(), dataset, format, viewer);
  if (slot) {
    const kept = await keptExport(slot, format, dataset.stamp, async (out) => {
      const counter = { rows: 0 };
      await WRITERS[format](await startDataset(dataset, format, counter), out);
      return counter.rows;
    });
    return keptExportResponse(kept, dataset, format, { request, viewer });
  }

  const counter = { rows: 0 };
  const started = await startDataset(dataset, format, counter);
  const out = new PassThrough();
  const stop = () => out.destroy();
  // A client that left while the loader was still querying has already aborted the signal, and an
  // abort listener added now would never fire. Stop at once instead.
  if (request.signal.aborted) stop();
  else request.signal.addEventListener("abort", stop, { once: true });
  let outcome: "complete" | "aborted" | "failed" = "complete";
  WRITERS[format](started, out)
    .then(() => {
      if (!out.writableEnded) out.end();
    })
    .catch((error: unknown) => {
      outcome = error instanceof StreamClosedError || request.signal.aborted ? "aborted" : "failed";
      if (outcome === "failed") {
        console.error(`[export] ${dataset.stamp.dataset}.${format} failed mid-stream`, error);
      }
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    })
    .finally(() => {
      request.signal.removeEventListener("abort", stop);
      // Every download is traceable: who, what, with which filters, how many rows left.
      auditDownload(dataset, format, request, viewer, counter.rows, outcome);
    });
  const body = Readable.toWeb(out) as WebReadableStream<Uint8Array>;
  return new Response(body as unknown as ReadableStream<Uint8Array>, {
    status: 200,
    headers: exportHeaders(dataset, format),
  });
}

/** A kept file: its own stamp, gzipped when the client takes it, audited as any download. */
function keptExportResponse(
  replay: KeptExport,
  dataset: ExportDataset,
  format: ExportFormat,
  { request, viewer }: ExportResponseOptions,
): Response {
  const stamped: ExportDataset = { ...dataset, stamp: replay.stamp };
  const headers = exportHeaders(stamped, format);
  const gzipped = replay.gzip !== null && acceptsGzip(request.headers.get("Accept-Encoding"));
  const body = gzipped ? replay.gzip! : replay.body;
  if (replay.gzip) headers.set("Vary", "Accept-Encoding");
  if (gzipped) headers.set("Content-Encoding", "gzip");
  headers.set("Content-Length", String(body.length));
  auditDownload(stamped, format, request, viewer, replay.rows, "complete");
  // Node's Buffers here sit on plain ArrayBuffers; the DOM typing only wants that said.
  return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers });
}

function auditDownload(
  dataset: ExportDataset,
  format: ExportFormat,
  request: Request,
  viewer: Viewer,
  rows: number,
  outcome: "complete" | "aborted" | "failed",
): void {
  getDb()
    .then((db) =>
      recordAudit(db, {
        viewer,
        action: "download",
        target: dataset.stamp.dataset,
        details: {
          format,
          filters: dataset.stamp.filters,
          rows,
          outcome,
          last_batch_id: dataset.stamp.last_batch_id,
          path: new URL(request.url).pathname,
        },
        address: clientAddress(request),
      }),
    )
    .catch((error: unknown) => console.error("[export] could not write the audit row", error));
}
