import { LinePrice } from "@/components/cart/line-price";
import { ProductLine } from "@/components/product/product-line";
import type { CartLine } from "@/lib/catalog/types";

// A cart line as the review page shows it: what will be paid for, nothing to change here (the cart is one link away).
export function CheckoutLine({ line }: { line: CartLine }) {
  const details = line.available ? (
    <p className="hint">Quantity {line.quantity}</p>
  ) : (
    <p className="notice notice-error">Unavailable right now: it cannot be bought. Remove it from your cart to continue.</p>
  );
  return (
    <ProductLine product={line} className={line.available ? "cart-line" : "cart-line cart-line-unavailable"} details={details}>
      <LinePrice line={line} />
    </ProductLine>
  );
}
