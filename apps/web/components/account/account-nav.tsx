import Link from "next/link";

export function AccountNav({ current }: { current: "profile" | "wishlist" }) {
  return (
    <nav aria-label="Your account" className="account-tabs">
      <Link href="/account" aria-current={current === "profile" ? "page" : undefined}>
        Profile and orders
      </Link>
      <Link href="/account/wishlist" aria-current={current === "wishlist" ? "page" : undefined}>
        Wishlist
      </Link>
    </nav>
  );
}
