import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { Cart, CartLine } from "@/lib/catalog/types";
import type { BffCart, BffCartCount, BffCartLine } from "./types";
import { money } from "./index";
import { hasSession } from "./account";
import { bff, BffError } from "./request";

function reshapeLine(line: BffCartLine, currency: string): CartLine {
  return {
    ...line,
    unitPrice: money(line.unitPrice, currency),
    addedUnitPrice: money(line.addedUnitPrice, currency),
    lineTotal: { amount: line.lineTotal, currency },
  };
}

function reshapeCart(cart: BffCart): Cart {
  return {
    lines: cart.lines.map((line) => reshapeLine(line, cart.currency)),
    itemCount: cart.itemCount,
    total: { amount: cart.total, currency: cart.currency },
    hasUnavailable: cart.hasUnavailable,
  };
}

// Whether the visitor has a cart or a session cookie; without either there is nothing to ask the BFF about.
async function mayHaveCart(): Promise<boolean> {
  const jar = await cookies();
  // Named __Host-gd_cart when the browser used TLS, as the session cookie.
  return jar.has("__Host-gd_cart") || jar.has("gd_cart") || hasSession(jar);
}

export async function getCart(): Promise<Cart | null> {
  return (await mayHaveCart()) ? reshapeCart(await bff<BffCart>("/cart", { shopper: "page" })) : null;
}

// The cart's own count, which the BFF reads without pricing the cart, and its CSRF token: read once per render, for the
// header's count on every page and for the page's cart forms, which then write without asking for the token first.
const readCartCount = cache(async (): Promise<BffCartCount | null> =>
  (await mayHaveCart()) ? bff<BffCartCount>("/cart/count", { shopper: "page" }) : null,
);

export async function getCartCount(): Promise<number> {
  return (await readCartCount())?.itemCount ?? 0;
}

// Undefined when the visitor has no cart yet: the first write asks for a token, which also starts the cart.
export async function getCartToken(): Promise<string | undefined> {
  return (await readCartCount().catch(() => null))?.csrfToken;
}

// The cart's own CSRF token (an anonymous cart's differs from any session's; signed in, it is the session's), read just
// before writing; in an action the read may also start the anonymous cart's cookie, which the action passes on.
export async function cartCsrf(shopper: "page" | "action" = "action"): Promise<string> {
  return (await bff<{ token: string }>("/cart/csrf", { shopper })).token;
}

// With the page's token (pageCsrf) one call; without it, or when it no longer names the cart (the shopper signed in or out
// since the page was drawn), the token is read first.
async function cartWrite(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown, pageCsrf?: string): Promise<Cart> {
  const write = async (csrf: string) => reshapeCart(await bff<BffCart>(path, { method, body, csrf, shopper: "action" }));
  if (pageCsrf) {
    try {
      return await write(pageCsrf);
    } catch (error) {
      if (!(error instanceof BffError && error.status === 403)) throw error;
    }
  }
  return write(await cartCsrf());
}

export const addToCart = (slug: string, quantity: number, pageCsrf?: string) =>
  cartWrite("POST", "/cart/items", { slug, quantity }, pageCsrf);

export const setCartQuantity = (slug: string, quantity: number) =>
  cartWrite("PUT", `/cart/items/${encodeURIComponent(slug)}`, { quantity });

export const removeFromCart = (slug: string) => cartWrite("DELETE", `/cart/items/${encodeURIComponent(slug)}`);
