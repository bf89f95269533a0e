// Vietnamese collation for names: "Đà Lạt" sorts after "Di Linh" and "Ân Thịnh" right after
// "An Nhơn", which a code-point sort gets wrong. Used for both UI languages, since the names
// are Vietnamese either way.
const vietnameseCollator = new Intl.Collator("vi", { numeric: true });

export function compareVietnamese(a: string, b: string): number {
  return vietnameseCollator.compare(a, b);
}

/** A sorted copy of `items`, ordered by the Vietnamese collation of `nameOf(item)`. */
export function sortByVietnameseName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareVietnamese(nameOf(a), nameOf(b)));
}
