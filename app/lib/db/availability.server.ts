// Whether the PostgreSQL server is reachable, as the engine last saw it (ADR 011). The pg engine
// reports each connection failure and success here; the HTTP layer (server/db-outage.server.ts)
// answers 503 while it is down and probes for its return, so the server recovers without a
// restart. Kept on globalThis: the start script and the Remix build are two module graphs.

/** Errors that mean "the database cannot be reached", not "this query is wrong". */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (
      ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "EPIPE"].includes(
        code,
      )
    )
      return true;
    // SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown, crash, cannot connect now).
    if (/^08/.test(code) || ["57P01", "57P02", "57P03"].includes(code)) return true;
  }
  return /timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(
    error.message,
  );
}

export interface Outage {
  since: Date;
  error: string;
}

class Availability {
  private outage: Outage | null = null;
  private lastFailureAt = 0;
  private probe: (() => Promise<void>) | null = null;
  private probing: Promise<boolean> | null = null;
  private lastProbeAt = 0;

  /** The engine's cheap "select 1", used to find out when the database is back. */
  setProbe(probe: () => Promise<void>): void {
    this.probe = probe;
  }

  /** The engine that set this probe is closed (tests open several; the last one counts). */
  clearProbe(probe: () => Promise<void>): void {
    if (this.probe !== probe) return;
    this.probe = null;
    this.outage = null;
  }

  noteFailure(error: unknown): void {
    if (!isConnectionError(error)) return;
    this.lastFailureAt = Date.now();
    if (!this.outage) {
      this.outage = { since: new Date(), error: (error as Error).message };
      console.error(`[db] database unreachable: ${(error as Error).message}`);
    }
  }

  noteSuccess(): void {
    if (this.outage) {
      const seconds = Math.round((Date.now() - this.outage.since.getTime()) / 1000);
      console.error(`[db] database reachable again after ${seconds} s`);
    }
    this.outage = null;
  }

  current(): Outage | null {
    return this.outage;
  }

  /** True when a connection failed at or after `since` (ms): the cause of a failed request. */
  failedSince(since: number): boolean {
    return this.outage !== null && this.lastFailureAt >= since;
  }

  /**
   * Still down? Probes at most once a second (concurrent callers share the probe), so a flood
   * of requests during an outage costs one connection attempt, not one each.
   */
  async stillDown(): Promise<boolean> {
    if (!this.outage || !this.probe) return false;
    if (this.probing) return this.probing;
    if (Date.now() - this.lastProbeAt < 1_000) return true;
    this.lastProbeAt = Date.now();
    const probe = this.probe;
    this.probing = probe().then(
      () => {
        this.noteSuccess();
        return false;
      },
      (error: unknown) => {
        this.noteFailure(error);
        return this.outage !== null;
      },
    );
    try {
      return await this.probing;
    } finally {
      this.probing = null;
    }
  }
}

const KEY = Symbol.for("cau-noi-so.db-availability");
type GlobalWithAvailability = typeof globalThis & { [KEY]?: Availability };
export const dbAvailability: Availability = ((globalThis as GlobalWithAvailability)[KEY] ??=
  new Availability());
