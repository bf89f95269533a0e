// A private temporary file that holds COPY-ready CSV between an import's two phases (ADR 012):
// the file is read and parsed with no lock, transaction or pooled connection held, and what it
// produced is copied into staging afterwards, chunk by chunk, inside the short write transaction.
// Each appended chunk is a whole number of CSV records, so a chunk can be handed to COPY as it is.
import { mkdtemp, open, rm, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

interface Chunk {
  offset: number;
  length: number;
}

export class SpillFile {
  private chunks: Chunk[] = [];
  private size = 0;

  private constructor(
    private readonly dir: string,
    private readonly handle: FileHandle,
  ) {}

  /** A new empty spill file in its own 0700 directory, the file itself 0600. */
  static async create(prefix: string): Promise<SpillFile> {
    const dir = await mkdtemp(path.join(tmpdir(), `cns-${prefix}-`));
    try {
      const handle = await open(path.join(dir, "rows.csv"), "w+", 0o600);
      return new SpillFile(dir, handle);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  async append(csv: string): Promise<void> {
    const bytes = Buffer.from(csv, "utf8");
    await this.handle.write(bytes, 0, bytes.length, this.size);
    this.chunks.push({ offset: this.size, length: bytes.length });
    this.size += bytes.length;
  }

  /** The chunks in the order they were appended. */
  async *read(): AsyncGenerator<string> {
    for (const { offset, length } of this.chunks) {
      const buffer = Buffer.alloc(length);
      await this.handle.read(buffer, 0, length, offset);
      yield buffer.toString("utf8");
    }
  }

  async dispose(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}
