// A one-line progress bar on a terminal: rows, rows/s and an ETA from a quick newline count.
import { createReadStream } from "node:fs";

async function countLines(file: string): Promise<number | null> {
  if (/\.xlsx$/i.test(file)) return null;
  let lines = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return Math.max(0, lines - 1);
}

export class ProgressBar {
  private readonly started = performance.now();
  private constructor(private readonly total: number | null) {}

  static async forFile(file: string): Promise<ProgressBar> {
    return new ProgressBar(await countLines(file));
  }

  update(rows: number): void {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? rows / seconds : 0;
    let line = `${rows.toLocaleString("vi-VN")} rows · ${Math.round(rate).toLocaleString("vi-VN")} rows/s`;
    if (this.total) {
      const share = Math.min(1, rows / this.total);
      const width = 24;
      const filled = Math.round(share * width);
      const eta = rate > 0 ? Math.max(0, (this.total - rows) / rate) : 0;
      line = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.round(share * 100)}% · ${line} · ETA ${Math.ceil(eta)} s`;
    }
    process.stderr.write(`\r${line}\x1b[K`);
  }

  done(): void {
    process.stderr.write("\n");
  }
}
