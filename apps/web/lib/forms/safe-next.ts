// Where to go after signing in: only a path on this site, so a crafted ?next= cannot send anyone elsewhere.
// Browsers read "//host", "/\host" and "/<tab>/host" as another origin, and dot segments or percent-escapes can turn
// an innocent-looking value into one ("/.//evil", "/%2F%2Fevil"): the path is checked as sent, after the URL parser
// has normalised it, and decoded; a backslash or a control character anywhere is refused outright.
const leavesTheSite = (path: string) => /^\/[/\\]|[\\\u0000-\u001f\u007f]/.test(path);

export function safeNext(value: unknown, fallback = "/account"): string {
  if (typeof value !== "string" || !value.startsWith("/") || leavesTheSite(value)) return fallback;
  const base = "http://store.invalid";
  try {
    const url = new URL(value, base);
    if (url.origin !== base || leavesTheSite(url.pathname) || leavesTheSite(decodeURIComponent(url.pathname))) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
