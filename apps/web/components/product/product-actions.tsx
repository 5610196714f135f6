import { addToCartAction } from "@/components/cart/actions";
import { ActionForm } from "@/components/forms/action-form";
import { saveWishlistAction } from "@/components/wishlist/actions";
import { getCartToken } from "@/lib/bff/cart";
import { targetPriceField } from "@/lib/forms/fields";
import type { Product } from "@/lib/catalog/types";

// Add to cart (with a quantity) and to the wishlist (with a target price); a signed-out shopper is sent to sign in first
// and comes back with the wishlist form open on the target typed (wishlistTarget). The cart's token, when the visitor has a
// cart, goes with the add so it is one call to the BFF.
export async function ProductActions({ product, wishlistTarget }: { product: Product; wishlistTarget?: string }) {
  const csrf = product.inStock ? await getCartToken() : undefined;
  return (
    <div className="product-actions">
      {product.inStock ? (
        <ActionForm
          action={addToCartAction}
          label="Add to cart"
          inline
          submit="Add to cart"
          hidden={csrf ? { slug: product.slug, csrf } : { slug: product.slug }}
          fields={[{ name: "quantity", label: "Quantity", type: "number", min: 1, max: 10, defaultValue: "1", required: true }]}
        />
      ) : (
        <p className="stock-out">Out of stock: add it to your wishlist to hear when it is back.</p>
      )}
      <details className="wishlist-add" open={wishlistTarget !== undefined}>
        <summary>Add to wishlist</summary>
        <ActionForm
          action={saveWishlistAction}
          label="Add to wishlist"
          inline
          submit="Save to wishlist"
          hidden={{ slug: product.slug }}
          fields={[targetPriceField(product.price?.currency, wishlistTarget || undefined)]}
        />
      </details>
    </div>
  );
}
