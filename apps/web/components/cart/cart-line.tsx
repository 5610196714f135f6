import { removeFromCartAction, setQuantityAction } from "@/components/cart/actions";
import { LinePrice } from "@/components/cart/line-price";
import { RemoveButton } from "@/components/forms/remove-button";
import { Price } from "@/components/product/price";
import { ProductLine } from "@/components/product/product-line";
import { formatMoney } from "@/lib/catalog/format";
import type { CartLine as Line } from "@/lib/catalog/types";

const quantities = Array.from({ length: 10 }, (_, i) => i + 1);

// Plain server-action forms: changing a quantity or removing a line works before any script has loaded.
export function CartLine({ line }: { line: Line }) {
  const details = line.available ? (
    line.priceChanged &&
    line.addedUnitPrice && (
      <p className="notice notice-warn">
        The price changed since you added it: was {formatMoney(line.addedUnitPrice)}, now <Price money={line.unitPrice} />.
      </p>
    )
  ) : (
    <p className="notice notice-error">Unavailable right now: not counted in the total. Remove it or check back later.</p>
  );
  return (
    <ProductLine product={line} className={line.available ? "cart-line" : "cart-line cart-line-unavailable"} details={details}>
      <div className="cart-controls">
        {/* Keyed by the quantity: a select takes its default only when it mounts, so a changed cart remounts it. */}
        <form key={line.quantity} action={setQuantityAction} className="quantity-form">
          <input type="hidden" name="slug" value={line.slug} />
          <label htmlFor={`qty-${line.slug}`}>Quantity</label>
          <select id={`qty-${line.slug}`} name="quantity" defaultValue={line.quantity}>
            {quantities.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary" aria-label={`Update quantity of ${line.title}`}>
            Update
          </button>
        </form>
        <RemoveButton action={removeFromCartAction} slug={line.slug} label={`Remove ${line.title} from the cart`} />
      </div>
      <LinePrice line={line} />
    </ProductLine>
  );
}
