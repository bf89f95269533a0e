// One computation per key at a time: whoever asks for a key while its computation runs gets the
// same promise. For cache misses that every reader would otherwise compute together — right after
// an import, every reader of a page misses at once.
export async function sharedRun<T>(
  running: Map<string, Promise<T>>,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const underWay = running.get(key);
  if (underWay) return underWay;
  const computing = compute();
  running.set(key, computing);
  try {
    return await computing;
  } finally {
    running.delete(key);
  }
}
