import type { Metadata } from "next";
import Link from "next/link";
import { AccountNav } from "@/components/account/account-nav";
import { WishlistItem } from "@/components/wishlist/wishlist-item";
import { requireProfile } from "@/lib/bff/account";
import { getWishlist } from "@/lib/bff/wishlist";

export const metadata: Metadata = { title: "Your wishlist" };

export default async function WishlistPage() {
  await requireProfile("/account/wishlist");
  const items = await getWishlist();
  return (
    <div className="account">
      <h1>Your wishlist</h1>
      <AccountNav current="wishlist" />
      {items.length === 0 ? (
        <div className="empty-inline">
          <p>Nothing on your wishlist yet. Add games from their pages, with a target price if you like.</p>
          <Link href="/search">Browse games</Link>
        </div>
      ) : (
        <ul className="cart-lines" aria-label="Games on your wishlist">
          {items.map((item) => (
            <WishlistItem key={item.slug} item={item} />
          ))}
        </ul>
      )}
    </div>
  );
}
