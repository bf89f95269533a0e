// Loader time as the server sees it: sequential `?_data=<route id>` requests on one keep-alive
// connection. A data request runs the route's loader and serializes its JSON without rendering
// React, so its latency is the loader's cost plus a loopback round trip (well under 1 ms).
import { summarizeLatencies, type LatencySummary } from "./percentiles";

export interface SequentialTimingOptions {
  url: string;
  headers: Record<string, string>;
  /** Requests discarded first (caches, JIT). */
  warmup: number;
  requests: number;
}

export async function timeSequentialRequests(
  options: SequentialTimingOptions,
): Promise<LatencySummary & { errors: number }> {
  const durations: number[] = [];
  let errors = 0;
  for (let i = 0; i < options.warmup + options.requests; i++) {
    const started = performance.now();
    const response = await fetch(options.url, { headers: options.headers });
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    if (!response.ok) errors++;
    if (i >= options.warmup) durations.push(elapsed);
  }
  return { ...summarizeLatencies(durations), errors };
}
