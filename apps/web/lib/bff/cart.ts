import "server-only";
import { cookies } from "next/headers";
import type { Cart, CartLine } from "@/lib/catalog/types";
import type { BffCart, BffCartLine } from "./types";
import { money } from "./index";
import { hasSession } from "./account";
import { bff } from "./request";

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

// The header's count on every page: the cart's own, which the BFF reads without pricing the cart.
export async function getCartCount(): Promise<number> {
  return (await mayHaveCart()) ? (await bff<{ itemCount: number }>("/cart/count", { shopper: "page" })).itemCount : 0;
}

// The cart's own CSRF token (an anonymous cart's differs from any session's; signed in, it is the session's), read just
// before writing; in an action the read may also start the anonymous cart's cookie, which the action passes on.
export async function cartCsrf(shopper: "page" | "action" = "action"): Promise<string> {
  return (await bff<{ token: string }>("/cart/csrf", { shopper })).token;
}

async function cartWrite(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<Cart> {
  return reshapeCart(await bff<BffCart>(path, { method, body, csrf: await cartCsrf(), shopper: "action" }));
}

export const addToCart = (slug: string, quantity: number) => cartWrite("POST", "/cart/items", { slug, quantity });

export const setCartQuantity = (slug: string, quantity: number) =>
  cartWrite("PUT", `/cart/items/${encodeURIComponent(slug)}`, { quantity });

export const removeFromCart = (slug: string) => cartWrite("DELETE", `/cart/items/${encodeURIComponent(slug)}`);
