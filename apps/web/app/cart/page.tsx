import type { Metadata } from "next";
import Link from "next/link";
import { CartLine } from "@/components/cart/cart-line";
import { getProfile } from "@/lib/bff/account";
import { getCart } from "@/lib/bff/cart";
import { formatMoney } from "@/lib/catalog/format";

export const metadata: Metadata = { title: "Your cart", robots: { index: false } };

export default async function CartPage() {
  const [cart, profile] = await Promise.all([getCart(), getProfile()]);
  if (!cart || cart.lines.length === 0) {
    return (
      <div className="empty">
        <h1>Your cart is empty</h1>
        <Link href="/search">Browse games</Link>
      </div>
    );
  }
  return (
    <div className="cart">
      <h1>Your cart</h1>
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
        {/* checkout: the checkout issue replaces this with the button that starts the PayPal checkout. */}
        <button type="button" disabled aria-describedby="checkout-soon">
          Checkout
        </button>
        <p id="checkout-soon" className="hint">
          Checkout is not open yet: it comes with the checkout issue. Your cart is kept until then.
        </p>
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
