import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { startCheckoutAction } from "@/components/checkout/actions";
import { CheckoutLine } from "@/components/checkout/checkout-line";
import { ActionForm } from "@/components/forms/action-form";
import { getProfile } from "@/lib/bff/account";
import { getCart } from "@/lib/bff/cart";
import { getRegionWarning } from "@/lib/bff/checkout";
import { formatMoney } from "@/lib/catalog/format";
import { emailField } from "@/lib/forms/fields";

export const metadata: Metadata = { title: "Checkout", robots: { index: false } };

// The last look before PayPal: the cart's lines and all-in total exactly as the cart shows them, and for a guest the email
// for the order. Paying is a plain form post, so it works before any script has loaded. A key that would not activate in
// the shopper's country is said here, before PayPal, since checkout will not sell it.
export default async function CheckoutPage() {
  const [cart, profile, region] = await Promise.all([getCart(), getProfile(), getRegionWarning()]);
  if (!cart || cart.lines.length === 0) redirect("/cart");
  return (
    <div className="cart">
      <h1>Checkout</h1>
      <ul className="cart-lines" aria-label="Games you are buying">
        {cart.lines.map((line) => (
          <CheckoutLine key={line.slug} line={line} />
        ))}
      </ul>
      <aside className="cart-summary panel" aria-labelledby="pay">
        <h2 id="pay">Pay</h2>
        <p className="cart-total">
          <span>Total</span> <strong data-testid="checkout-total">{formatMoney(cart.total)}</strong>
        </p>
        <p className="hint">All-in price in {cart.total.currency}: no fees are added.</p>
        {region.message && (
          <div role="alert" className="notice notice-warn" data-testid="region-warning">
            <p>{region.message}</p>
            <p>
              We cannot sell you a key that will not work for you. <Link href="/cart">Remove it from your cart</Link>, or{" "}
              <Link href="/account">change your country</Link> if it is wrong.
            </p>
          </div>
        )}
        {profile ? (
          <p>
            Ordering as <strong>{profile.email}</strong>: your keys stay in your account.
          </p>
        ) : (
          <p className="hint">
            No account needed. <Link href="/login?next=/checkout">Sign in</Link> to keep your keys in your account.
          </p>
        )}
        {!region.message && (
          <ActionForm
            action={startCheckoutAction}
            label="Pay with PayPal"
            submit="Pay with PayPal"
            fields={profile ? [] : [{ ...emailField, hint: "Where we can reach you about this order." }]}
          />
        )}
        <p>
          <Link href="/cart">Change your cart</Link>
        </p>
      </aside>
    </div>
  );
}
