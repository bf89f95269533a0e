// Ratios are always computed from summed counts, and are null (shown "—") without a denominator.
export function safeRatio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
