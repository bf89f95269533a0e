// Once per `npm run test:e2e`: build if needed, start the app on a fresh embedded database (the
// first-start import included) and hand its URL to the tests; stop it afterwards.
// E2E_BASE_URL=http://… runs the tests against a server that is already running instead.
import type { TestProject } from "vitest/node";
import { ensureBuild, isHealthy, startAppServer } from "./app-server";

declare module "vitest" {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    if (!(await isHealthy(external)))
      throw new Error(`E2E_BASE_URL ${external}: /healthz is not 200`);
    project.provide("e2eBaseUrl", external);
    return;
  }
  ensureBuild();
  const server = await startAppServer();
  console.log(`[e2e] app ready after ${server.readySeconds.toFixed(1)} s at ${server.baseUrl}`);
  project.provide("e2eBaseUrl", server.baseUrl);
  return () => server.stop();
}
