import { Price } from "@/components/product/price";
import { formatMoney } from "@/lib/catalog/format";
import type { CartLine } from "@/lib/catalog/types";

// A cart line's price beside it, as the cart and the checkout review both show it.
export function LinePrice({ line }: { line: CartLine }) {
  return (
    <p className="cart-price">
      {line.available ? formatMoney(line.lineTotal) : <span className="stock-out">Unavailable</span>}
      {line.available && line.quantity > 1 && (
        <span className="unit">
          {line.quantity} × <Price money={line.unitPrice} />
        </span>
      )}
    </p>
  );
}
