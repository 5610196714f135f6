import Link from "next/link";
import type { GameSummary } from "@/lib/catalog/types";
import { Cover } from "./cover";
import { Price } from "./price";

// One card per game: its platforms, and the lowest price when its variants differ ("from").
export function ProductCard({ product, priority }: { product: GameSummary; priority?: boolean }) {
  return (
    <article className="card">
      <Cover src={product.imageUrl} title={product.title} width={240} priority={priority} />
      <h3 className="card-title">
        {/* The whole card is clickable through this link's ::after, yet it is one tab stop. */}
        <Link href={`/product/${product.slug}`} className="card-link">
          {product.title}
        </Link>
      </h3>
      <ul className="badges" aria-label="Platforms">
        {product.platforms.map((platform) => (
          <li key={platform} className="badge badge-platform">{platform}</li>
        ))}
      </ul>
      <p className="card-price">
        {product.variants > 1 && product.price && <span className="card-from">From </span>}
        <Price money={product.price} />
        {!product.inStock && <span className="stock-out"> · Out of stock</span>}
      </p>
    </article>
  );
}
