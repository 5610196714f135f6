import { ActionForm } from "@/components/forms/action-form";
import { RemoveButton } from "@/components/forms/remove-button";
import { Price } from "@/components/product/price";
import { ProductLine } from "@/components/product/product-line";
import type { WishlistItem as Item } from "@/lib/catalog/types";
import { targetPriceField } from "@/lib/forms/fields";
import { removeWishlistAction, saveWishlistAction } from "./actions";

export function WishlistItem({ item }: { item: Item }) {
  const currency = item.price?.currency ?? item.targetPrice?.currency;
  const details = (
    <p>
      Now <Price money={item.price} />
      <span className={item.inStock ? "stock-in" : "stock-out"}>{item.inStock ? " · In stock" : " · Out of stock"}</span>
      {item.reached && <span className="badge badge-reached">Target reached</span>}
    </p>
  );
  return (
    <ProductLine product={item} details={details}>
      <div className="cart-controls">
        <ActionForm
          action={saveWishlistAction}
          label={`Target price for ${item.title}`}
          inline
          submit="Save target"
          hidden={{ slug: item.slug }}
          fields={[targetPriceField(currency, item.targetPrice?.amount)]}
        />
        <RemoveButton action={removeWishlistAction} slug={item.slug} label={`Remove ${item.title} from the wishlist`} />
      </div>
    </ProductLine>
  );
}
