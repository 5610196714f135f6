import "server-only";
import type { WishlistItem } from "@/lib/catalog/types";
import type { BffWishlistItem } from "./types";
import { signedInWrite } from "./account";
import { money } from "./index";
import { bff } from "./request";

function reshape(item: BffWishlistItem): WishlistItem {
  return { ...item, price: money(item.price, item.currency), targetPrice: money(item.targetPrice, item.currency) };
}

export async function getWishlist(): Promise<WishlistItem[]> {
  const { items } = await bff<{ items: BffWishlistItem[] }>("/account/wishlist", { shopper: "page" });
  return items.map(reshape);
}

// Adding and changing the target price are the same PUT.
export const saveWishlistItem = (slug: string, targetPrice: number | null) =>
  signedInWrite<BffWishlistItem>("PUT", `/account/wishlist/${encodeURIComponent(slug)}`, { targetPrice });

export const removeWishlistItem = (slug: string) => signedInWrite<void>("DELETE", `/account/wishlist/${encodeURIComponent(slug)}`);
