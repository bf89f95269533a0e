// Reads the shipped reference data once per test file (it is what the resolvers are built from).
import { readReferenceData, type ReferenceData } from "~/lib/reference/read-reference.server";

let cached: Promise<ReferenceData> | null = null;

export function loadReferenceData(): Promise<ReferenceData> {
  cached ??= readReferenceData();
  return cached;
}
