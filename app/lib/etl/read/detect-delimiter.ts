// The CSV delimiter, read off the header line: Excel writes "," or, with a Vietnamese or
// European list separator, ";"; "Unicode Text" exports use tabs.

export type Delimiter = "," | ";" | "\t";

const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

/** The first line of `text` that is not blank, ending at a line break outside quotes. */
export function firstLine(text: string): string {
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      if (text.slice(start, i).trim() !== "") return text.slice(start, i);
      start = i + 1;
    }
  }
  return text.slice(start);
}

/** The candidate that occurs most often outside quotes in the header line; "," when none does. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(ch as Delimiter)) {
      counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
    }
  }
  let best: Delimiter = ",";
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}
