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
