import Link from "next/link";
import { logoutAction } from "@/components/account/actions";
import { getProfile } from "@/lib/bff/account";
import { getCartCount } from "@/lib/bff/cart";

// Server-rendered, so the count and the signed-in state are in the first paint: no script, no shift.
export async function AccountLinks() {
  // A cart the BFF cannot read right now costs the header its count, not the whole page.
  const [profile, count] = await Promise.all([getProfile(), getCartCount().catch(() => 0)]);
  return (
    <ul className="account-links">
      <li>
        <Link href="/cart" className="cart-link" aria-label={`Cart, ${count} ${count === 1 ? "item" : "items"}`}>
          Cart <span className="cart-count" data-testid="cart-count">{count}</span>
        </Link>
      </li>
      {profile ? (
        <>
          {profile.roles.includes("admin") && (
            <li>
              <Link href="/admin">Admin</Link>
            </li>
          )}
          <li>
            <Link href="/account/wishlist">Wishlist</Link>
          </li>
          <li>
            <Link href="/account">Account</Link>
          </li>
          <li>
            <form action={logoutAction}>
              <button type="submit" className="link-button">
                Sign out
              </button>
            </form>
          </li>
        </>
      ) : (
        <>
          <li>
            <Link href="/login">Sign in</Link>
          </li>
          <li>
            <Link href="/register">Register</Link>
          </li>
        </>
      )}
    </ul>
  );
}
