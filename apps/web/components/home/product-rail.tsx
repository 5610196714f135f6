import Link from "next/link";
import type { GameSummary } from "@/lib/catalog/types";
import { ProductGrid } from "@/components/product/product-grid";

// href: where the whole list is, when search can show it.
type Props = { id: string; title: string; href?: string; products: GameSummary[]; eager?: number };

export function ProductRail({ id, title, href, products, eager = 0 }: Props) {
  if (products.length === 0) return null;
  return (
    <section className="rail" aria-labelledby={id}>
      <div className="rail-head">
        <h2 id={id}>{title}</h2>
        {href && <Link href={href}>See all<span className="visually-hidden"> {title.toLowerCase()}</span></Link>}
      </div>
      <ProductGrid products={products} eager={eager} />
    </section>
  );
}
