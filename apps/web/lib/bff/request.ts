import "server-only";
import { cookies, headers } from "next/headers";
import { ResponseCookies } from "next/dist/server/web/spec-extension/cookies";

// Server components and actions reach the BFF directly; the browser goes through this origin's /api (proxy.ts).
function bffUrl(path: string): string {
  const base = process.env.BFF_URL;
  if (!base) throw new Error("BFF_URL is not set (e.g. http://127.0.0.1:5080/bff)");
  return `${base.replace(/\/$/, "")}/api${path}`;
}

/** The BFF's problem+json, kept so forms can show its words. */
export type Problem = { title?: string; detail?: string; errors?: Record<string, string[]> };

export class BffError extends Error {
  constructor(readonly status: number, path: string, readonly problem: Problem = {}) {
    super(`BFF answered ${status} for ${path}`);
  }
}

// "page": a render reads with the shopper's cookies; "action": a server action, which may also set them.
type Options = { method?: "GET" | "POST" | "PUT" | "DELETE"; body?: unknown; csrf?: string; shopper?: "page" | "action" };

// The shopper's own cookies go along (session, anonymous cart). The browser's scheme lets the BFF mark cookies Secure, and
// its address keeps per-IP limits per shopper rather than one bucket for this server (once the BFF trusts this proxy).
async function shopperHeaders(): Promise<Record<string, string>> {
  const [jar, incoming] = await Promise.all([cookies(), headers()]);
  const forwarded: Record<string, string> = { cookie: jar.toString() };
  for (const name of ["x-forwarded-proto", "x-forwarded-for"]) {
    const value = incoming.get(name);
    if (value) forwarded[name] = value;
  }
  return forwarded;
}

/**
 * One BFF call. Catalog reads are anonymous; `shopper` calls carry the browser's cookies, and in an action any cookie the
 * BFF sets (sign-in, anonymous cart, sign-out) is passed back to the browser.
 */
export async function bff<T>(path: string, { method = "GET", body, csrf, shopper }: Options = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...(shopper ? await shopperHeaders() : {}) };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (csrf) headers["x-csrf-token"] = csrf;
  // Catalog answers change with every supplier sync and account answers are per shopper: always render fresh.
  const response = await fetch(bffUrl(path), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
  });
  if (shopper === "action") await relayCookies(response);
  if (!response.ok) {
    const problem = response.headers.get("content-type")?.includes("json") ? ((await response.json()) as Problem) : {};
    throw new BffError(response.status, path, problem);
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function relayCookies(response: Response) {
  const set = new ResponseCookies(response.headers).getAll();
  if (set.length === 0) return;
  const jar = await cookies();
  for (const cookie of set) jar.set(cookie);
}

/** A read that is null when the shopper is not signed in (or the thing does not exist), instead of throwing. */
export async function orNull<T>(read: Promise<T>, ...statuses: number[]): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof BffError && statuses.includes(error.status)) return null;
    throw error;
  }
}
