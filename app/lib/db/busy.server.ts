// Waiting for a busy database, bounded (ADR 011, issue 14 item 6). The embedded engine has one
// connection: while an import writes its batch or a large download streams, every other request
// queues behind it. A web request waits at most its scope's bound and then fails with
// DatabaseBusyError, which the server turns into a 503 page saying what is running and since
// when, instead of a page that hangs. Code outside a request (CLI, ETL, migrations) waits as long
// as it takes.
import { AsyncLocalStorage } from "node:async_hooks";

/** What a session is doing, as the waiting requests are told. */
export type SessionActivity = "query" | "import" | "download" | "maintenance";

export interface SessionHolder {
  activity: SessionActivity;
  since: Date;
}

export class DatabaseBusyError extends Error {
  constructor(
    readonly holder: SessionHolder,
    readonly waitedMs: number,
  ) {
    super(
      `the database is busy (${holder.activity} since ${holder.since.toISOString()}); gave up after ${waitedMs} ms`,
    );
    this.name = "DatabaseBusyError";
  }
}

interface BusyScope {
  /** How long a session may be waited for in this scope. */
  waitMs: number;
  /** Set when a wait in this scope gave up: who held the database then. */
  gaveUpOn?: SessionHolder;
}

const scopes = new AsyncLocalStorage<BusyScope>();

/** Runs fn (a web request) with a bounded wait for database sessions. */
export function withBoundedWait<T>(waitMs: number, fn: () => T): T {
  return scopes.run({ waitMs }, fn);
}

/** The bound for a wait starting now: the request's, or none outside a request. */
export function currentWaitMs(): number {
  return scopes.getStore()?.waitMs ?? Number.POSITIVE_INFINITY;
}

/** Records, for the request that waited, who held the database when it gave up. */
export function noteGaveUp(holder: SessionHolder): void {
  const scope = scopes.getStore();
  if (scope) scope.gaveUpOn = holder;
}

/** Who held the database when a wait in the current request gave up, if one did. */
export function busyHolderInScope(): SessionHolder | undefined {
  return scopes.getStore()?.gaveUpOn;
}
