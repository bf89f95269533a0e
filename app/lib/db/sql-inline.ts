// Values written into SQL text, for the one statement that takes no bind parameters: COPY. The
// record-level CSV extract runs its parameterized SQL file inside COPY (…) TO STDOUT (ADR 019), so
// its $n placeholders are replaced by literals here. Every value is escaped, never trusted: an
// E'' literal with backslashes and quotes escaped reads the same whatever
// standard_conforming_strings says; arrays become a quoted array literal for the file's own cast.

export type InlineValue = string | number | null | readonly string[];

/** An E'' string literal holding exactly `value`. */
export function sqlStringLiteral(value: string): string {
  if (value.includes("\0")) throw new Error("a SQL text value cannot hold NUL");
  return `E'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

export function sqlLiteral(value: InlineValue): string {
  if (value === null) return "null";
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
    return String(value);
  }
  if (typeof value === "string") return sqlStringLiteral(value);
  // '{"a","b"}': each element double-quoted, its backslashes and double quotes escaped.
  const elements = value.map((item) => `"${item.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`);
  return sqlStringLiteral(`{${elements.join(",")}}`);
}

/**
 * `text` with each $n outside string literals, quoted identifiers and comments replaced by the
 * literal of params[n - 1]. A placeholder without a value throws.
 */
export function inlineParams(text: string, params: readonly InlineValue[]): string {
  let out = "";
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    const next = text[at + 1];
    let end = at + 1;
    if (char === "-" && next === "-") {
      const newline = text.indexOf("\n", at);
      end = newline === -1 ? text.length : newline;
    } else if (char === "/" && next === "*") {
      const close = text.indexOf("*/", at + 2);
      end = close === -1 ? text.length : close + 2;
    } else if (char === "'" || char === '"') {
      // A quote closes the literal unless doubled; E'' literals may also escape one with \.
      const escapes = char === "'" && /[eE]/.test(text[at - 1] ?? "");
      end = at + 1;
      while (end < text.length) {
        if (escapes && text[end] === "\\") end += 2;
        else if (text[end] === char && text[end + 1] === char) end += 2;
        else if (text[end] === char) break;
        else end += 1;
      }
      end += 1;
    } else if (char === "$" && /[0-9]/.test(next ?? "")) {
      const digits = /^[0-9]+/.exec(text.slice(at + 1))![0];
      const index = Number(digits) - 1;
      if (index >= params.length) throw new Error(`no value for $${digits}`);
      out += sqlLiteral(params[index]!);
      at += 1 + digits.length;
      continue;
    }
    out += text.slice(at, end);
    at = end;
  }
  return out;
}
