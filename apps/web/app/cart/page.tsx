import type { Metadata } from "next";
import Link from "next/link";
import { CartLine } from "@/components/cart/cart-line";
import { getProfile } from "@/lib/bff/account";
import { getCart } from "@/lib/bff/cart";
import { formatMoney } from "@/lib/catalog/format";

export const metadata: Metadata = { title: "Your cart", robots: { index: false } };

type Props = { searchParams: Promise<{ payment?: string }> };

// Back from PayPal's "Cancel", the order is dropped and the cart was never touched: say so, calmly.
function Cancelled() {
  return (
    <p role="status" className="notice notice-done">
      Payment cancelled — your cart is just as you left it.
    </p>
  );
}

export default async function CartPage({ searchParams }: Props) {
  const [cart, profile, { payment }] = await Promise.all([getCart(), getProfile(), searchParams]);
  const notice = payment === "cancelled" && <Cancelled />;
  if (!cart || cart.lines.length === 0) {
    return (
      <div className="empty">
        {notice}
        <h1>Your cart is empty</h1>
        <Link href="/search">Browse games</Link>
      </div>
    );
  }
  return (
    <div className="cart">
      <div className="cart-head">
        <h1>Your cart</h1>
        {notice}
      </div>
      <ul className="cart-lines" aria-label="Games in your cart">
        {cart.lines.map((line) => (
          <CartLine key={line.slug} line={line} />
        ))}
      </ul>
      <aside className="cart-summary panel" aria-labelledby="summary">
        <h2 id="summary">Summary</h2>
        {cart.hasUnavailable && <p className="notice notice-error">Unavailable games are left out of the total.</p>}
        <p className="cart-total">
          <span>Total</span> <strong data-testid="cart-total">{formatMoney(cart.total)}</strong>
        </p>
        <p className="hint">All-in price in {cart.total.currency}: no fees are added at checkout.</p>
        {cart.hasUnavailable && <p className="hint">Remove unavailable games before checking out.</p>}
        <Link href="/checkout" className="button-link">
          Checkout
        </Link>
        {!profile && (
          <p>
            <Link href="/register?next=/cart">Create an account</Link> or <Link href="/login?next=/cart">sign in</Link> to keep
            this cart on every device.
          </p>
        )}
      </aside>
    </div>
  );
}
