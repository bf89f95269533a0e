// Where the login form may send the browser afterwards: only a path on this site. Anything that
// could leave it (`//evil`, `/\evil`, `https://…`, `javascript:`) or loop back to /login or
// /logout falls back to the home page (an open redirect would make phishing links look like ours).
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2048) return "/";
  // Browsers treat a backslash like a slash and drop tabs and newlines in URLs.
  if (value.includes("\\") || hasControlCharacter(value) || value.startsWith("//")) return "/";
  const base = "http://same-origin.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return "/";
  }
  if (url.origin !== base) return "/";
  url.searchParams.delete("_data");
  if (url.pathname === "/login" || url.pathname === "/logout") return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
