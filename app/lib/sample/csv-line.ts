// One CSV record as text (RFC 4180 quoting), for any delimiter the sample files use.

const needsQuotingByDelimiter = new Map<string, RegExp>();

export function formatCsvLine(fields: readonly string[], delimiter = ",", eol = "\n"): string {
  let pattern = needsQuotingByDelimiter.get(delimiter);
  if (!pattern) {
    pattern = new RegExp(`["\\r\\n${delimiter === "\t" ? "\\t" : delimiter}]`);
    needsQuotingByDelimiter.set(delimiter, pattern);
  }
  let line = "";
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (i > 0) line += delimiter;
    line += pattern.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
  }
  return line + eol;
}
