// Accumulates rows as COPY-ready CSV text and hands it over in chunks, so a file of any size is
// bulk-loaded with flat memory. In COPY's CSV format an unquoted empty field is NULL and a quoted
// one ("") is the empty string, so every non-null value is quoted.

export type CopyValue = string | number | boolean | null | undefined;

export function csvField(value: CopyValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvLine(values: readonly CopyValue[]): string {
  return values.map(csvField).join(",") + "\n";
}

export class CopyBuffer {
  private parts: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    private readonly flushAt: number,
    private readonly sink: (csv: string) => Promise<unknown>,
  ) {}

  async push(values: readonly CopyValue[]): Promise<void> {
    const line = csvLine(values);
    this.parts.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size >= this.flushAt) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const csv = this.parts.join("");
    this.parts = [];
    this.size = 0;
    await this.sink(csv);
  }
}
