import Link from "next/link";
import type { ProductSummary } from "@/lib/catalog/types";
import { Badges } from "./badges";
import { Cover } from "./cover";
import { Price } from "./price";

export function ProductCard({ product, priority }: { product: ProductSummary; priority?: boolean }) {
  return (
    <article className="card">
      <Cover src={product.imageUrl} title={product.title} width={240} priority={priority} />
      <h3 className="card-title">
        {/* The whole card is clickable through this link's ::after, yet it is one tab stop. */}
        <Link href={`/product/${product.slug}`} className="card-link">
          {product.title}
        </Link>
      </h3>
      <Badges platform={product.platform} region={product.region} />
      <p className="card-price">
        <Price money={product.price} />
        {!product.inStock && <span className="stock-out"> · Out of stock</span>}
      </p>
    </article>
  );
}
