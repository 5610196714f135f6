import type { Money } from "./types";

export function formatMoney({ amount, currency }: Money): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(amount);
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(iso));
}

// Times of an order's steps: minutes matter there, and UTC is said so nobody misreads it as local time.
export function formatDateTime(iso: string): string {
  const parts = { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" } as const;
  return new Intl.DateTimeFormat("en-US", { ...parts, timeZone: "UTC", timeZoneName: "short" }).format(new Date(iso));
}

// How long ago, in the largest whole unit: "just now", "12 minutes ago", "3 hours ago", "2 days ago".
export function formatAge(iso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  const [value, unit] =
    minutes < 60 ? [minutes, "minute"] : minutes < 48 * 60 ? [Math.floor(minutes / 60), "hour"] : [Math.floor(minutes / 1440), "day"];
  if (unit === "minute" && value < 1) return "just now";
  return `${value} ${unit}${value === 1 ? "" : "s"} ago`;
}

// A usual delivery time in the next whole unit up, as a promise reads: "within 1 minute", "within 3 hours".
export function formatWithin(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const [value, unit] =
    minutes < 60 ? [minutes, "minute"] : minutes < 48 * 60 ? [Math.ceil(minutes / 60), "hour"] : [Math.ceil(minutes / 1440), "day"];
  return `within ${value} ${unit}${value === 1 ? "" : "s"}`;
}
