// HTTP latency under concurrent load with autocannon. autocannon's own histogram reports p97.5
// but not p95, so every response time is collected from its 'response' event and the
// percentiles are computed exactly (percentiles.ts).
import autocannon from "autocannon";
import { summarizeLatencies, type LatencySummary } from "./percentiles";

export interface LoadTestOptions {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

export interface LoadTestResult extends LatencySummary {
  requests_per_s: number;
  /** Non-2xx responses plus socket errors and timeouts. */
  errors: number;
  bytes_per_response: number;
}

export async function runLoadTest(options: LoadTestOptions): Promise<LoadTestResult> {
  const durations: number[] = [];
  let bytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        headers: options.headers,
        connections: options.connections,
        duration: options.durationSeconds,
        timeout: 10,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, resBytes, responseTime) => {
      durations.push(responseTime);
      bytes += resBytes;
    });
  });
  return {
    ...summarizeLatencies(durations),
    requests_per_s: Math.round(result.requests.average),
    errors: result.non2xx + result.errors + result.timeouts,
    bytes_per_response: durations.length ? Math.round(bytes / durations.length) : 0,
  };
}
