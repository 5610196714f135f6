import type { GameSummary } from "@/lib/catalog/types";
import { ProductCard } from "./product-card";

// The first row is likely above the fold: those covers load eagerly for a fast LCP.
export function ProductGrid({ products, eager = 4 }: { products: GameSummary[]; eager?: number }) {
  return (
    <ul className="grid">
      {products.map((product, i) => (
        <li key={product.slug}>
          <ProductCard product={product} priority={i < eager} />
        </li>
      ))}
    </ul>
  );
}
