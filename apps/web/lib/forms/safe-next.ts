// Where to go after signing in: only a path on this site, so a crafted ?next= cannot send anyone elsewhere
// ("//evil.example", "/\evil.example" and "https://…" all resolve to another origin and are refused).
export function safeNext(value: unknown, fallback = "/account"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  const base = "http://store.invalid";
  try {
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
